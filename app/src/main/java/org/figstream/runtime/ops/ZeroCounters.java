package org.figstream.runtime.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.processors.api.StageTimes;
import org.figstream.runtime.Instance;
import org.figstream.runtime.Pipeline;
import org.figstream.runtime.PubmedFeed;
import org.figstream.topology.enrich.EnrichmentStage;
import org.figstream.topology.join.JoinCounts;

/**
 * Creates at zero the counters whose label values are known before any event, so that an alert or a
 * rate can be written before the first dead letter or retry.
 */
final class ZeroCounters {
  private ZeroCounters() {}

  /**
   * The counters whose label values are known before any event, and each stage's timer, at zero.
   */
  static void registerAtStart(MeterRegistry registry) {
    counter(registry, EnrichmentStage.ARTICLES_METRIC, "outcome", "enriched");
    counter(registry, EnrichmentStage.ARTICLES_METRIC, "outcome", "dead-letter");
    counter(registry, EnrichmentStage.ARTICLES_METRIC, "outcome", "gone");
    counter(registry, EnrichmentStage.FIGURES_METRIC);
    counter(registry, EnrichmentStage.RESTARTS_METRIC);
    MeterCatalog.DEAD_LETTER_STAGES.forEach(
        stage -> counter(registry, EnrichmentStage.DEAD_LETTERS_METRIC, "stage", stage));
    counter(registry, Pipeline.ANNOUNCEMENTS_METRIC, "change", "version");
    counter(registry, Pipeline.ANNOUNCEMENTS_METRIC, "change", "removal");
    counter(registry, Instance.FEED_PASSES_METRIC);
    counter(registry, Instance.FEED_FAILED_PASSES_METRIC);
    StageTimes.on(registry);
    JoinCounts.on(registry);
    for (String outcome : List.of("found", "unresolved", "failed", "invalid")) {
      counter(registry, PubmedFeed.EFETCH_PMIDS_METRIC, "outcome", outcome);
    }
    counter(registry, PubmedFeed.CITATIONS_METRIC, "source", "efetch");
    counter(registry, PubmedFeed.CITATIONS_METRIC, "source", "update-file");
    counter(registry, PubmedFeed.DELETIONS_METRIC);
    counter(registry, PubmedFeed.UPDATE_FILES_METRIC);
  }

  /** A host's request and retry counters at zero, for the hosts a feed is allowed to reach. */
  static void registerHost(MeterRegistry registry, String host) {
    counter(registry, HttpFetcher.REQUESTS_METRIC, "host", host, "outcome", "ok");
    MeterCatalog.COMMON_RETRY_REASONS.forEach(
        reason -> counter(registry, HttpFetcher.RETRIES_METRIC, "host", host, "reason", reason));
  }

  private static void counter(MeterRegistry registry, String name, String... tags) {
    Counter.builder(name).tags(tags).register(registry);
  }
}
