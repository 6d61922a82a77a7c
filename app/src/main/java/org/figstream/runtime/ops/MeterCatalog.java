package org.figstream.runtime.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.pubmed.PubmedDeadLetters;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.embed.MicroBatcher;
import org.figstream.runtime.Instance;
import org.figstream.runtime.Pipeline;
import org.figstream.runtime.ProgressReporter;
import org.figstream.runtime.PubmedFeed;
import org.figstream.runtime.sink.SinkMeters;
import org.figstream.topology.enrich.EnrichmentStage;
import org.figstream.topology.join.JoinCounts;

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

  public static final List<Doc> DOCS =
      List.of(
          new Doc(
              EnrichmentStage.ARTICLES_METRIC,
              Meter.Type.COUNTER,
              List.of("outcome"),
              "Article versions through the enrichment stage, by outcome (enriched, dead-letter, gone:"
                  + " removed from the bucket before it could be fetched)"),
          new Doc(
              EnrichmentStage.FIGURES_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Figures in the article versions the enrichment stage enriched"),
          new Doc(
              EnrichmentStage.RESTARTS_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Restarts of the enrichment stage from its committed offsets after an error"),
          new Doc(
              EnrichmentStage.DEFERRED_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Article versions put back to be fetched again later because their source was down"
                  + " (counted per round of waiting)"),
          new Doc(
              EnrichmentStage.WAITING_METRIC,
              Meter.Type.GAUGE,
              List.of(),
              "Partitions of enrich-requests held back until the source they wait for is back"),
          new Doc(
              ENRICH_DURATION,
              Meter.Type.TIMER,
              List.of(),
              "Time to enrich one article version (fetch, extract, normalise images, embed, label), as a histogram"),
          new Doc(
              PIPELINE_LATENCY,
              Meter.Type.TIMER,
              List.of(),
              "From an announcement on article-versions to its enriched result committed, as a"
                  + " histogram"),
          new Doc(
              StageTimes.METRIC,
              Meter.Type.TIMER,
              List.of("stage"),
              "Time in each stage's own work, by stage: fetch (XML and media download per article"
                  + " version, wall time), extract (JATS, per version), image (decode, resize,"
                  + " hash, per figure with a media file), embed (each image and caption encoder"
                  + " model call, not its queue), label (the labeller's computation per figure),"
                  + " dedup and ledger (each process call), sink (each dataset commit: Parquet"
                  + " shards finished and manifest written)"),
          new Doc(
              JoinCounts.ARTICLES_METRIC,
              Meter.Type.COUNTER,
              List.of("pubmed"),
              "Article records the PubMed join put on articles, by PubMed state (no-pmid: the"
                  + " article has none; joined: with its citation; waiting: its PMID's citation is"
                  + " not on pubmed)"),
          new Doc(
              JoinCounts.PUBMED_CHANGES_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Articles put on articles again because only their PubMed citation appeared, changed"
                  + " or was deleted"),
          new Doc(
              PubmedFeed.EFETCH_PMIDS_METRIC,
              Meter.Type.COUNTER,
              List.of("outcome"),
              "PMIDs of announced articles looked up with efetch, by outcome (found, unresolved:"
                  + " PubMed has no record, failed: the request failed, invalid: not a PMID)"),
          new Doc(
              PubmedFeed.CITATIONS_METRIC,
              Meter.Type.COUNTER,
              List.of("source"),
              "PubMed citations put on pubmed, by source (efetch, update-file: only citations of"
                  + " articles in PMC)"),
          new Doc(
              PubmedFeed.DELETIONS_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Citations NLM deleted (DeleteCitation in an update file), tombstoned on pubmed"),
          new Doc(
              PubmedFeed.UPDATE_FILES_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "NLM PubMed update files applied in full"),
          new Doc(
              MicroBatcher.BATCH_SIZE_METRIC,
              Meter.Type.DISTRIBUTION_SUMMARY,
              List.of("batcher"),
              "Inputs per model call, by batcher (embed-image, embed-text)"),
          new Doc(
              MicroBatcher.BATCH_DURATION_METRIC,
              Meter.Type.TIMER,
              List.of("batcher"),
              "Time of one model call, by batcher"),
          new Doc(
              ROCKSDB_USED,
              Meter.Type.GAUGE,
              List.of(),
              "Bytes in the block cache all RocksDB stores share, memtables included"),
          new Doc(
              ROCKSDB_LIMIT,
              Meter.Type.GAUGE,
              List.of(),
              "The bound of that shared cache (--state-memory-mb)"),
          new Doc(
              EnrichmentStage.DEAD_LETTERS_METRIC,
              Meter.Type.COUNTER,
              List.of("stage"),
              "Dead letters this process wrote to dlq, by the stage that gave up"),
          new Doc(
              ProgressReporter.LAG_METRIC,
              Meter.Type.GAUGE,
              List.of("group", "topic"),
              "Records committed on an input topic that its consumer group has not processed yet "
                  + "(-1 when the cluster did not answer the last probe)"),
          new Doc(
              HttpFetcher.REQUESTS_METRIC,
              Meter.Type.COUNTER,
              List.of("host", "outcome"),
              "HTTP GETs to the bucket after retries, by host and outcome (ok, or the last failure's reason)"),
          new Doc(
              HttpFetcher.RETRIES_METRIC,
              Meter.Type.COUNTER,
              List.of("host", "reason"),
              "HTTP GET attempts that failed and were retried, by host and the failure's reason"),
          new Doc(
              Pipeline.ANNOUNCEMENTS_METRIC,
              Meter.Type.COUNTER,
              List.of("change"),
              "Announcements the feed put on article-versions, by change (version, removal)"),
          new Doc(
              Instance.FEED_PASSES_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Feed passes completed (one inventory read and everything it announced settled)"),
          new Doc(
              Instance.FEED_FAILED_PASSES_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Feed passes that ended in an error (an inventory part missing, a manifest that is"
                  + " not JSON); a following run tries again at the next poll"),
          new Doc(
              Instance.FEED_LAST_PASS_METRIC,
              Meter.Type.GAUGE,
              List.of(),
              "When the last feed pass completed, as Unix time (0 before the first): alert on its age"),
          new Doc(
              Instance.FEED_LEADER_METRIC,
              Meter.Type.GAUGE,
              List.of(),
              "1 on the instance that leads the feed (announces), 0 on a standby: the sum over a"
                  + " cluster is 1"),
          new Doc(
              SinkMeters.RECORDS_METRIC,
              Meter.Type.COUNTER,
              List.of("topic"),
              "Records (upserts and tombstones) the dataset sink read from figures and articles"),
          new Doc(
              SinkMeters.GENERATION_METRIC,
              Meter.Type.GAUGE,
              List.of(),
              "The dataset manifest's generation: it grows with every commit and compaction"),
          new Doc(
              SinkMeters.COMMITTED_METRIC,
              Meter.Type.GAUGE,
              List.of(),
              "When the dataset manifest was last committed, as Unix time (0 before the first)"));

  private static final Map<String, Doc> BY_NAME =
      DOCS.stream().collect(Collectors.toMap(Doc::name, Function.identity()));

  private MeterCatalog() {}

  /** Help text for every documented meter, and histogram buckets for the enrichment timer. */
  public static MeterFilter filter() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        Doc doc = BY_NAME.get(id.getName());
        return doc == null || id.getDescription() != null
            ? id
            : new Meter.Id(
                id.getName(),
                Tags.of(id.getTagsAsIterable()),
                id.getBaseUnit(),
                doc.help(),
                id.getType());
      }

      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        return HISTOGRAMS.contains(id.getName())
            ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
            : config;
      }
    };
  }

  /**
   * The counters whose label values are known before any event, and each stage's timer, at zero.
   */
  public static void registerAtStart(MeterRegistry registry) {
    counter(registry, EnrichmentStage.ARTICLES_METRIC, "outcome", "enriched");
    counter(registry, EnrichmentStage.ARTICLES_METRIC, "outcome", "dead-letter");
    counter(registry, EnrichmentStage.ARTICLES_METRIC, "outcome", "gone");
    counter(registry, EnrichmentStage.FIGURES_METRIC);
    counter(registry, EnrichmentStage.RESTARTS_METRIC);
    DEAD_LETTER_STAGES.forEach(
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
  public static void registerHost(MeterRegistry registry, String host) {
    counter(registry, HttpFetcher.REQUESTS_METRIC, "host", host, "outcome", "ok");
    COMMON_RETRY_REASONS.forEach(
        reason -> counter(registry, HttpFetcher.RETRIES_METRIC, "host", host, "reason", reason));
  }

  private static void counter(MeterRegistry registry, String name, String... tags) {
    Counter.builder(name).tags(tags).register(registry);
  }
}
