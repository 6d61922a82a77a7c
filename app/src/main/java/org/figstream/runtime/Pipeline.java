package org.figstream.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.figstream.connectors.feed.discovery.FeedFencedException;
import org.figstream.connectors.feed.discovery.FeedRun;
import org.figstream.connectors.feed.discovery.FeedSinks;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.processors.api.StageTimes;
import org.figstream.records.DeadLetter;
import org.figstream.records.Topics;
import org.figstream.runtime.ops.OpsMetrics;
import org.figstream.state.BoundedRocksDbMemory;
import org.figstream.state.StoreNames;
import org.figstream.topology.FigstreamTopology;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.UndecodableToDeadLetter;
import org.figstream.topology.enrich.Enrichment;
import org.figstream.topology.enrich.EnrichmentStage;
import org.figstream.topology.join.JoinCounts;
import org.figstream.topology.schema.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The running pipeline on one Kafka (embedded or given): topics, the Streams app (gate and ledger),
 * the enrichment stage, and the feed's passes (announcements go out through the feed's cursor
 * store, in its transactions when it is fenced).
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
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
  private final MeterRegistry metrics;
  private final AutoCloseable streamsMetrics;
  private final CountDownLatch stopped = new CountDownLatch(1);

  public Pipeline(
      Map<String, Object> kafka,
      Path stateDir,
      Enrichment enrichment,
      PipelineSettings settings,
      MeterRegistry metrics)
      throws Exception {
    this.kafka = Map.copyOf(kafka);
    this.metrics = metrics;
    if (settings.createTopics()) {
      TopicSetup.ensure(
          kafka, settings.partitions(), settings.dedupPartitions(), settings.replication());
    } else {
      TopicSetup.requireExisting(kafka);
    }
    DedupScope.log(TopicSetup.partitionsOf(kafka, Topics.ENRICHED), settings.dedupPartitions());
    long seeded = ExtractedArticlesSeed.run(kafka);
    if (seeded > 0) {
      LOG.info(
          "copied {} records of {} into {} for the PubMed join (an upgrade's one-time step)",
          seeded,
          Topics.ARTICLES,
          Topics.EXTRACTED_ARTICLES);
    }
    Properties p = new Properties();
    p.putAll(kafka);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replication());
    if (settings.replication() >= 3) { // changelogs and repartition topics as TopicSetup's
      p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), "2");
    }
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        UndecodableToDeadLetter.class);
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    p.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, settings.stateMemoryBytes());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
    p.put(
        StreamsConfig.producerPrefix(
            org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
        TopicSetup.MAX_MESSAGE_BYTES);
    Topology topology =
        FigstreamTopology.buildTopology(
            settings.dedup(), StageTimes.on(metrics), JoinCounts.on(metrics));
    ledgerLocator = LedgerShare.Locator.of(topology);
    streams = DamagedStateRecovery.start(() -> new KafkaStreams(topology, p), stateDir);
    streamsMetrics = OpsMetrics.bindStreams(metrics, streams);
    stage =
        new EnrichmentStage(
            kafka, enrichment, settings.enrichConcurrency(), settings.instanceId(), metrics);
    stage.start();
  }

  /**
   * Sinks that put announcements on article-versions and feed dead letters on dlq through {@code
   * out}: acknowledged, and with a fenced store committed with the feed's cursor (read_committed
   * consumers, the Streams app among them, see them at the feed's checkpoints).
   */
  public FeedSinks sinks(KafkaCursorStore out) {
    var announcements = TopicSerdes.announcements().serializer();
    return new FeedSinks(
        a ->
            out.send(
                    new ProducerRecord<>(
                        Topics.ARTICLE_VERSIONS,
                        a.pmcid(),
                        announcements.serialize(Topics.ARTICLE_VERSIONS, a)))
                .doOnSuccess(
                    done ->
                        metrics
                            .counter(
                                ANNOUNCEMENTS_METRIC,
                                "change",
                                a.change().name().toLowerCase(java.util.Locale.ROOT))
                            .increment()),
        deadLetters(out, metrics));
  }

  /** Dead letters to dlq through {@code out}, each counted by stage once acknowledged. */
  static Function<DeadLetter, Mono<Void>> deadLetters(KafkaCursorStore out, MeterRegistry metrics) {
    var deadLetters = TopicSerdes.deadLetters().serializer();
    return d ->
        out.send(new ProducerRecord<>(Topics.DLQ, d.pmcid(), deadLetters.serialize(Topics.DLQ, d)))
            .doOnSuccess(
                done ->
                    metrics
                        .counter(EnrichmentStage.DEAD_LETTERS_METRIC, "stage", d.stage())
                        .increment());
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
   * every input has its outputs committed.
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
    CompletableFuture<FeedRun> pass = feed.runOnce(sinks(out)).toFuture();
    while (!pass.isDone()) {
      if (stopped.await(200, TimeUnit.MILLISECONDS)) {
        pass.cancel(true);
        throw new StoppedException("stopped during a feed pass");
      }
    }
    FeedRun run;
    try {
      run = pass.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof FeedFencedException fenced) {
        throw fenced;
      }
      throw new FeedPassFailedException(e.getCause());
    }
    return run;
  }

  /**
   * How long to wait before the next caught-up check after one that found work left: a backlog
   * drains for minutes (a backfill for hours), and each check costs the broker a handful of
   * requests (group offsets, end offsets, a fetch), some 40% of all it served in a backfill at five
   * checks a second.
   */
  static final long PENDING_CHECK_MS = 1000;

  /** How long after a check that found nothing left: the second, confirming check comes soon. */
  static final long SETTLING_CHECK_MS = 200;

  public void awaitCaughtUp(Duration timeout) throws Exception {
    settles(timeout, false);
  }

  /**
   * Waits at most {@code wait} for every input to have its outputs committed: true once they have,
   * false when the wait ran out with work left, which goes on meanwhile. A stop, a failed stage or
   * Streams in ERROR end the wait with an exception, as in {@link #awaitCaughtUp}.
   */
  public boolean caughtUpWithin(Duration wait) throws Exception {
    return settles(wait, true);
  }

  /**
   * With {@code bounded}, the wait ends at its time whatever the source does; otherwise an outage
   * of the source is waited out, however long: that timeout is for a pipeline that is stuck.
   */
  private boolean settles(Duration timeout, boolean bounded) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Lag lag = new Lag(kafka)) {
      int settled = 0;
      while (settled < 2) { // twice in a row, to be safe against a rebalance between two checks
        if (stopped.getCount() == 0) {
          throw new StoppedException("stopped while waiting for the pipeline to catch up");
        }
        if (stage.failure() != null) {
          throw new IllegalStateException(
              "the enrichment stage stopped: " + stage.failure().getMessage(), stage.failure());
        }
        if (streams.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException("the Streams application is in state ERROR");
        }
        if (!bounded && stage.waitingForSource() > 0) {
          deadline = Math.max(deadline, System.nanoTime() + timeout.toNanos());
        }
        boolean pending = lag.anyPending(INPUTS);
        if (System.nanoTime() > deadline && (pending || !bounded)) {
          // a bounded wait that ran out on an idle pipeline still takes its confirming check
          if (bounded) {
            return false;
          }
          throw new IllegalStateException("the pipeline did not catch up within " + timeout);
        }
        settled = pending ? 0 : settled + 1;
        stopped.await(pending ? PENDING_CHECK_MS : SETTLING_CHECK_MS, TimeUnit.MILLISECONDS);
      }
    }
    return true;
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

  @Override
  public void close() {
    stage.close();
    // a member without a fixed identity leaves the group, so that whoever takes its tasks (its
    // restart, another instance) does so at once rather than when its session (45 s) runs out; a
    // static member (embedded broker) is taken over by its restart at once without leaving
    streams.close(
        CloseOptions.groupMembershipOperation(
                kafka.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
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
