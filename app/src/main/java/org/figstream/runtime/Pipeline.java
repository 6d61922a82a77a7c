package org.figstream.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.figstream.connectors.feed.discovery.FeedFencedException;
import org.figstream.connectors.feed.discovery.FeedRun;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.processors.api.StageTimes;
import org.figstream.records.Topics;
import org.figstream.runtime.ops.OpsMetrics;
import org.figstream.state.StoreNames;
import org.figstream.topology.FigstreamTopology;
import org.figstream.topology.enrich.Enrichment;
import org.figstream.topology.enrich.EnrichmentStage;
import org.figstream.topology.join.JoinCounts;

/**
 * The running pipeline on one Kafka (embedded or given): topics, the Streams app (gate and ledger),
 * the enrichment stage, and the feed's passes (announcements go out through the feed's cursor
 * store, in its transactions when it is fenced). The passes are {@link FeedAnnouncements}', the
 * wait for the pipeline to settle is {@link CatchUpWait}'s.
 */
public final class Pipeline implements AutoCloseable {
  public static final String APPLICATION_ID = "figstream";
  public static final String ANNOUNCEMENTS_METRIC = "figstream.feed.announcements";

  /** The inputs of each stage, upstream first (see Lag#pending). */
  static final List<Lag.Input> INPUTS =
      List.of(
          new Lag.Input(APPLICATION_ID, Topics.ARTICLE_VERSIONS),
          new Lag.Input(EnrichmentStage.GROUP, Topics.ENRICH_REQUESTS),
          new Lag.Input(APPLICATION_ID, Topics.ENRICHED),
          new Lag.Input(APPLICATION_ID, Topics.EXTRACTED_ARTICLES),
          new Lag.Input(APPLICATION_ID, Topics.PUBMED),
          // the PubMed join's own topics: an article waits in them between its two tables
          new Lag.Input(
              APPLICATION_ID,
              APPLICATION_ID + "-" + StoreNames.PUBMED_JOIN + "-subscription-registration-topic"),
          new Lag.Input(
              APPLICATION_ID,
              APPLICATION_ID + "-" + StoreNames.PUBMED_JOIN + "-subscription-response-topic"));

  private final Map<String, Object> kafka;
  private final KafkaStreams streams;
  private final LedgerShare.Locator ledgerLocator;
  private final EnrichmentStage stage;
  private final AutoCloseable streamsMetrics;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final FeedAnnouncements announcements;
  private final CatchUpWait catchUp;

  public Pipeline(
      Map<String, Object> kafka,
      Path stateDir,
      Enrichment enrichment,
      PipelineSettings settings,
      MeterRegistry metrics)
      throws Exception {
    this.kafka = Map.copyOf(kafka);
    PipelineTopics.prepare(kafka, settings);
    Properties properties = StreamsProperties.of(kafka, stateDir, settings);
    Topology topology =
        FigstreamTopology.buildTopology(
            settings.dedup(), StageTimes.on(metrics), JoinCounts.on(metrics));
    ledgerLocator = LedgerShare.Locator.of(topology);
    streams = DamagedStateRecovery.start(() -> new KafkaStreams(topology, properties), stateDir);
    streamsMetrics = OpsMetrics.bindStreams(metrics, streams);
    stage =
        new EnrichmentStage(
            kafka, enrichment, settings.enrichConcurrency(), settings.instanceId(), metrics);
    stage.start();
    announcements = new FeedAnnouncements(metrics, stopped);
    catchUp = new CatchUpWait(this.kafka, streams, stage, stopped);
  }

  /** Thrown by the waits once {@link #stop()} was called. */
  public static final class StoppedException extends Exception {
    StoppedException(String message) {
      super(message);
    }
  }

  /**
   * Makes a running or later {@link #feedAndSettle} give up: the feed pass is cancelled where it is
   * (announced rows are acknowledged, so the next start resumes without a gap) and the wait ends.
   */
  public void stop() {
    stopped.countDown();
  }

  /**
   * Runs one feed pass announcing through {@code out} (the feed's cursor store), then waits until
   * every input has its outputs committed; {@code timeout} is how long nothing may move meanwhile.
   *
   * @throws FeedFencedException when another follower of the feed took it during the pass
   * @throws FeedPassFailedException when the pass ended in an error; nothing was skipped
   */
  public FeedRun feedAndSettle(InventoryFeed feed, KafkaCursorStore out, Duration timeout)
      throws Exception {
    FeedRun run = feedPass(feed, out);
    awaitCaughtUp(timeout);
    return run;
  }

  /**
   * Runs one feed pass announcing through {@code out} (the feed's cursor store); returns once the
   * pass has delivered, whatever the pipeline still has to process.
   *
   * @throws FeedFencedException when another follower of the feed took it during the pass
   * @throws FeedPassFailedException when the pass ended in an error; nothing was skipped
   */
  public FeedRun feedPass(InventoryFeed feed, KafkaCursorStore out) throws Exception {
    return announcements.pass(feed, out);
  }

  /**
   * Waits until every input has its outputs committed, however long while work moves or the source
   * is down; work left with nothing moving for {@code timeout} is a stuck pipeline ({@link
   * CatchUpWait}).
   */
  public void awaitCaughtUp(Duration timeout) throws Exception {
    catchUp.awaitCaughtUp(timeout);
  }

  /**
   * Waits at most {@code wait} for every input to have its outputs committed: true once they have,
   * false when the wait ran out with work left, which goes on meanwhile. A stop, a failed stage or
   * Streams in ERROR end the wait with an exception, as in {@link #awaitCaughtUp}.
   */
  public boolean caughtUpWithin(Duration wait) throws Exception {
    return catchUp.caughtUpWithin(wait);
  }

  /** What moves while the pipeline works, on any instance ({@link CatchUpWait#progress}). */
  long progress() {
    return catchUp.progress();
  }

  /**
   * A lag probe on this pipeline's cluster, for a caller that checks repeatedly (and closes it).
   */
  Lag lagProbe() {
    return new Lag(kafka);
  }

  /**
   * Live pairs and articles as this instance's pair ledger holds them: none when it runs no
   * partition of the ledger (with one dedup partition, every instance of a cluster but one), whose
   * store then cannot be asked at all.
   */
  public LedgerCounts ledgerCounts(Duration timeout) throws InterruptedException {
    return LedgerCounts.read(
        streams,
        timeout,
        () -> streams.state() == KafkaStreams.State.RUNNING && ledgerLocator.local(streams) == 0);
  }

  /** The share of the pair ledger's partitions this instance is active for. */
  LedgerShare ledgerShare() throws Exception {
    return ledgerLocator.read(streams, kafka);
  }

  /**
   * {@link #ledgerCounts} with the share of the ledger they were counted from, both of the same
   * moment (counted again, up to three times, while a rebalance moves the ledger's partitions).
   */
  LedgerShare.Read<LedgerCounts> ledgerCountsAndShare(Duration timeout) throws Exception {
    return ledgerLocator.reading(streams, kafka, () -> ledgerCounts(timeout));
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Whether the enrichment stage is still running (it stops only on an error it cannot recover
   * from).
   */
  public boolean stageHealthy() {
    return stage.failure() == null;
  }

  /** Partitions of enrich requests held back until their source is back (0 without an outage). */
  public int waitingForSource() {
    return stage.waitingForSource();
  }

  /**
   * Whether Streams' consumer has a fixed identity: {@code group.instance.id}, or the same for the
   * main consumer only, as the Helm chart sets it ({@code main.consumer.group.instance.id}); public
   * for the chart's tests.
   */
  public static boolean staticMember(Map<String, Object> kafka) {
    return kafka.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
        || kafka.containsKey(
            StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
  }

  @Override
  public void close() {
    stage.close();
    // a member without a fixed identity leaves the group, so that whoever takes its tasks (its
    // restart, another instance) does so at once rather than when its session (45 s) runs out; a
    // static member (embedded broker) is taken over by its restart at once without leaving
    streams.close(
        CloseOptions.groupMembershipOperation(
                staticMember(kafka)
                    ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP
                    : CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
    try {
      streamsMetrics.close();
    } catch (Exception e) {
      // metrics of a closed app: nothing left to release that matters
    }
  }
}
