package org.figstream.runtime.ops;

import io.micrometer.core.instrument.Meter;
import java.util.List;
import org.figstream.connectors.feed.http.HttpFetcher;
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
 * The help text of every documented meter, as {@link MeterCatalog#DOCS} publishes it. The list is
 * long and only ever read whole, so it has a file of its own, apart from the code that applies it.
 */
final class MeterDocs {
  static final List<MeterCatalog.Doc> ALL =
      List.of(
          new MeterCatalog.Doc(
              EnrichmentStage.ARTICLES_METRIC,
              Meter.Type.COUNTER,
              List.of("outcome"),
              "Article versions through the enrichment stage, by outcome (enriched, dead-letter, gone:"
                  + " removed from the bucket before it could be fetched)"),
          new MeterCatalog.Doc(
              EnrichmentStage.FIGURES_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Figures in the article versions the enrichment stage enriched"),
          new MeterCatalog.Doc(
              EnrichmentStage.RESTARTS_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Restarts of the enrichment stage from its committed offsets after an error"),
          new MeterCatalog.Doc(
              EnrichmentStage.DEFERRED_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Article versions put back to be fetched again later because their source was down"
                  + " (counted per round of waiting)"),
          new MeterCatalog.Doc(
              EnrichmentStage.WAITING_METRIC,
              Meter.Type.GAUGE,
              List.of(),
              "Partitions of enrich-requests held back until the source they wait for is back"),
          new MeterCatalog.Doc(
              MeterCatalog.ENRICH_DURATION,
              Meter.Type.TIMER,
              List.of(),
              "Time to enrich one article version (fetch, extract, normalise images, embed, label), as a histogram"),
          new MeterCatalog.Doc(
              MeterCatalog.PIPELINE_LATENCY,
              Meter.Type.TIMER,
              List.of(),
              "From an announcement on article-versions to its enriched result committed, as a"
                  + " histogram"),
          new MeterCatalog.Doc(
              StageTimes.METRIC,
              Meter.Type.TIMER,
              List.of("stage"),
              "Time in each stage's own work, by stage: fetch (XML and media download per article"
                  + " version, wall time), extract (JATS, per version), image (decode, resize,"
                  + " hash, per figure with a media file), embed (each image and caption encoder"
                  + " model call, not its queue), label (the labeller's computation per figure),"
                  + " dedup and ledger (each process call), sink (each dataset commit: Parquet"
                  + " shards finished and manifest written)"),
          new MeterCatalog.Doc(
              JoinCounts.ARTICLES_METRIC,
              Meter.Type.COUNTER,
              List.of("pubmed"),
              "Article records the PubMed join put on articles, by PubMed state (no-pmid: the"
                  + " article has none; joined: with its citation; waiting: its PMID's citation is"
                  + " not on pubmed)"),
          new MeterCatalog.Doc(
              JoinCounts.PUBMED_CHANGES_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Articles put on articles again because only their PubMed citation appeared, changed"
                  + " or was deleted"),
          new MeterCatalog.Doc(
              PubmedFeed.EFETCH_PMIDS_METRIC,
              Meter.Type.COUNTER,
              List.of("outcome"),
              "PMIDs of announced articles looked up with efetch, by outcome (found, unresolved:"
                  + " PubMed has no record, failed: the request failed, invalid: not a PMID)"),
          new MeterCatalog.Doc(
              PubmedFeed.CITATIONS_METRIC,
              Meter.Type.COUNTER,
              List.of("source"),
              "PubMed citations put on pubmed, by source (efetch, update-file: only citations of"
                  + " articles in PMC)"),
          new MeterCatalog.Doc(
              PubmedFeed.DELETIONS_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Citations NLM deleted (DeleteCitation in an update file), tombstoned on pubmed"),
          new MeterCatalog.Doc(
              PubmedFeed.UPDATE_FILES_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "NLM PubMed update files applied in full"),
          new MeterCatalog.Doc(
              MicroBatcher.BATCH_SIZE_METRIC,
              Meter.Type.DISTRIBUTION_SUMMARY,
              List.of("batcher"),
              "Inputs per model call, by batcher (embed-image, embed-text)"),
          new MeterCatalog.Doc(
              MicroBatcher.BATCH_DURATION_METRIC,
              Meter.Type.TIMER,
              List.of("batcher"),
              "Time of one model call, by batcher"),
          new MeterCatalog.Doc(
              MeterCatalog.ROCKSDB_USED,
              Meter.Type.GAUGE,
              List.of(),
              "Bytes in the block cache all RocksDB stores share, memtables included"),
          new MeterCatalog.Doc(
              MeterCatalog.ROCKSDB_LIMIT,
              Meter.Type.GAUGE,
              List.of(),
              "The bound of that shared cache (--state-memory-mb)"),
          new MeterCatalog.Doc(
              EnrichmentStage.DEAD_LETTERS_METRIC,
              Meter.Type.COUNTER,
              List.of("stage"),
              "Dead letters this process wrote to dlq, by the stage that gave up"),
          new MeterCatalog.Doc(
              ProgressReporter.LAG_METRIC,
              Meter.Type.GAUGE,
              List.of("group", "topic"),
              "Records committed on an input topic that its consumer group has not processed yet "
                  + "(-1 when the cluster did not answer the last probe)"),
          new MeterCatalog.Doc(
              HttpFetcher.REQUESTS_METRIC,
              Meter.Type.COUNTER,
              List.of("host", "outcome"),
              "HTTP GETs to the bucket after retries, by host and outcome (ok, or the last failure's reason)"),
          new MeterCatalog.Doc(
              HttpFetcher.RETRIES_METRIC,
              Meter.Type.COUNTER,
              List.of("host", "reason"),
              "HTTP GET attempts that failed and were retried, by host and the failure's reason"),
          new MeterCatalog.Doc(
              Pipeline.ANNOUNCEMENTS_METRIC,
              Meter.Type.COUNTER,
              List.of("change"),
              "Announcements the feed put on article-versions, by change (version, removal)"),
          new MeterCatalog.Doc(
              Instance.FEED_PASSES_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Feed passes completed (one inventory read and everything it announced settled)"),
          new MeterCatalog.Doc(
              Instance.FEED_FAILED_PASSES_METRIC,
              Meter.Type.COUNTER,
              List.of(),
              "Feed passes that ended in an error (an inventory part missing, a manifest that is"
                  + " not JSON); a following run tries again at the next poll"),
          new MeterCatalog.Doc(
              Instance.FEED_LAST_PASS_METRIC,
              Meter.Type.GAUGE,
              List.of(),
              "When the last feed pass completed, as Unix time (0 before the first): alert on its age"),
          new MeterCatalog.Doc(
              Instance.FEED_LEADER_METRIC,
              Meter.Type.GAUGE,
              List.of(),
              "1 on the instance that leads the feed (announces), 0 on a standby: the sum over a"
                  + " cluster is 1"),
          new MeterCatalog.Doc(
              SinkMeters.RECORDS_METRIC,
              Meter.Type.COUNTER,
              List.of("topic"),
              "Records (upserts and tombstones) the dataset sink read from figures and articles"),
          new MeterCatalog.Doc(
              SinkMeters.GENERATION_METRIC,
              Meter.Type.GAUGE,
              List.of(),
              "The dataset manifest's generation: it grows with every commit and compaction"),
          new MeterCatalog.Doc(
              SinkMeters.COMMITTED_METRIC,
              Meter.Type.GAUGE,
              List.of(),
              "When the dataset manifest was last committed, as Unix time (0 before the first)"));

  private MeterDocs() {}
}
