package org.figstream.topology.enrich;

import static org.figstream.topology.enrich.EnrichmentStage.ARTICLES_METRIC;
import static org.figstream.topology.enrich.EnrichmentStage.DEAD_LETTERS_METRIC;
import static org.figstream.topology.enrich.EnrichmentStage.DEFERRED_METRIC;
import static org.figstream.topology.enrich.EnrichmentStage.DURATION_METRIC;
import static org.figstream.topology.enrich.EnrichmentStage.FIGURES_METRIC;
import static org.figstream.topology.enrich.EnrichmentStage.LATENCY_METRIC;
import static org.figstream.topology.enrich.EnrichmentStage.RESTARTS_METRIC;
import static org.figstream.topology.enrich.EnrichmentStage.WAITING_METRIC;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.figstream.records.Announcement;
import org.figstream.records.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrichment stage's meters (their names are {@link EnrichmentStage}'s constants). What a batch
 * did is counted only once its transaction committed: an aborted batch is redone and must not count
 * twice.
 */
final class StageMeters {
  private static final Logger LOG = LoggerFactory.getLogger(EnrichmentStage.class);

  private final MeterRegistry registry;
  private final Counter articles;
  private final Counter failedArticles;
  private final Counter goneArticles;
  private final Counter figures;
  private final Counter restarts;
  private final Counter deferred;
  private final Timer duration;
  private final Timer latency;

  /** Registers the meters, {@code waiting} as the gauge of partitions waiting for the source. */
  StageMeters(MeterRegistry registry, AtomicInteger waiting) {
    this.registry = registry;
    this.articles = registry.counter(ARTICLES_METRIC, "outcome", "enriched");
    this.failedArticles = registry.counter(ARTICLES_METRIC, "outcome", "dead-letter");
    this.goneArticles = registry.counter(ARTICLES_METRIC, "outcome", "gone");
    this.figures = registry.counter(FIGURES_METRIC);
    this.restarts = registry.counter(RESTARTS_METRIC);
    this.deferred = registry.counter(DEFERRED_METRIC);
    this.duration = registry.timer(DURATION_METRIC);
    this.latency = registry.timer(LATENCY_METRIC);
    registry.gauge(WAITING_METRIC, waiting);
  }

  /** Per article version, enriched or not. */
  Timer duration() {
    return duration;
  }

  void restarted() {
    restarts.increment();
  }

  /** Requests put back to be fetched again later. */
  void deferred(int requests) {
    deferred.increment(requests);
  }

  /**
   * A committed batch: its outcomes and dead letters, and for each request the time from its
   * announcement to {@code committedAtMillis}; {@code requests} line up with {@code results}.
   */
  void committed(
      List<Enrichment.Result> results,
      List<DeadLetter> deadLetters,
      List<ConsumerRecord<String, Announcement>> requests,
      long committedAtMillis) {
    for (int i = 0; i < results.size(); i++) {
      Enrichment.Result r = results.get(i);
      if (r.withdrawal()) {
        // passed through unfetched to keep its place in order: no enrichment to count or time,
        // as when the gate wrote withdrawals itself
        continue;
      }
      ConsumerRecord<String, Announcement> request = requests.get(i);
      latency.record(Math.max(0, committedAtMillis - request.timestamp()), TimeUnit.MILLISECONDS);
      (r.enriched() != null ? articles : r.gone() ? goneArticles : failedArticles).increment();
      if (r.gone()) {
        // no record says so otherwise: the removal is announced by a later inventory
        LOG.info(
            "{} v{} left the bucket before it could be fetched; nothing published for it",
            r.request().pmcid(),
            r.request().version());
      }
      if (r.enriched() != null) {
        figures.increment(r.enriched().figures().size());
      }
    }
    deadLetters.forEach(d -> deadLetter(d.stage()));
  }

  /** A dead letter of {@code stage}, once committed. */
  void deadLetter(String stage) {
    registry.counter(DEAD_LETTERS_METRIC, "stage", stage).increment();
  }
}
