package org.figstream.runtime.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import java.util.Set;
import org.figstream.connectors.feed.pubmed.PubmedDeadLetters;
import org.figstream.topology.enrich.EnrichmentStage;

/**
 * Every figstream meter an operator can rely on: name, type, labels and help text in one place, so
 * the help on {@code /metrics} and the docs' table come from the same list. The meters are made
 * where their events happen (mostly in modules that do not know this class); {@link #filter()}
 * gives each its help text, and {@link #registerAtStart} creates the counters whose label values
 * are known before any event, at zero, so that an alert or a rate can be written before the first
 * dead letter or retry.
 */
public final class MeterCatalog {
  /**
   * One documented meter; {@code name} is Micrometer's dotted name (Prometheus: {@code _}, {@code
   * _total}).
   */
  public record Doc(String name, Meter.Type type, List<String> labels, String help) {}

  public static final String ENRICH_DURATION = EnrichmentStage.DURATION_METRIC;
  public static final String PIPELINE_LATENCY = EnrichmentStage.LATENCY_METRIC;
  public static final String ROCKSDB_USED = "figstream.rocksdb.memory.used.bytes";
  public static final String ROCKSDB_LIMIT = "figstream.rocksdb.memory.limit.bytes";

  /**
   * The timers published with histogram buckets, so that quantiles can be taken across instances.
   */
  public static final Set<String> HISTOGRAMS = Set.of(ENRICH_DURATION, PIPELINE_LATENCY);

  /**
   * The stages that write dead letters from this process (the Streams deserialiser's are not
   * counted).
   */
  public static final List<String> DEAD_LETTER_STAGES =
      List.of(
          "metadata",
          "fetch",
          "extract",
          "image",
          "embed",
          "label",
          "enrich",
          "sink",
          PubmedDeadLetters.EFETCH,
          PubmedDeadLetters.UPDATE_FILE);

  /**
   * Retry reasons created at zero for every host; rarer ones (other statuses) appear on first use.
   */
  public static final List<String> COMMON_RETRY_REASONS =
      List.of(
          "timeout",
          "connect-failed",
          "connection-closed",
          "io-error",
          "http-429",
          "http-500",
          "http-502",
          "http-503",
          "http-504");

  public static final List<Doc> DOCS = MeterDocs.ALL;

  private MeterCatalog() {}

  /** Help text for every documented meter, and histogram buckets for the enrichment timer. */
  public static MeterFilter filter() {
    return new HelpTextFilter();
  }

  /**
   * The counters whose label values are known before any event, and each stage's timer, at zero.
   */
  public static void registerAtStart(MeterRegistry registry) {
    ZeroCounters.registerAtStart(registry);
  }

  /** A host's request and retry counters at zero, for the hosts a feed is allowed to reach. */
  public static void registerHost(MeterRegistry registry, String host) {
    ZeroCounters.registerHost(registry, host);
  }
}
