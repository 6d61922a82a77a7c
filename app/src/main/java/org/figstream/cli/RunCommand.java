package org.figstream.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.state.FeedIndex;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.sink.CompactionResult;
import org.figstream.connectors.sink.DatasetSink;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.runtime.ClusterBinding;
import org.figstream.runtime.Pipeline;
import org.figstream.runtime.ProgressReporter;
import org.figstream.runtime.TopicCounts;
import org.figstream.runtime.ops.OpsMetrics;
import org.figstream.runtime.ops.OpsServer;
import org.figstream.runtime.sink.DatasetSinkRunner;
import org.figstream.records.Topics;
import org.figstream.topology.enrich.AnnotateStep;
import org.figstream.topology.enrich.Enrichment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code figstream run}: the whole pipeline on Kafka (an embedded broker unless one is given). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the pipeline: the feed puts announcements on article-versions, the version gate, "
        + "dedup and the pair ledger (Kafka Streams, RocksDB) and the enrichment stage turn them into upserts "
        + "and tombstones on figures. Without --bootstrap-servers a single-node KRaft broker runs "
        + "inside this JVM, its data under --data-dir. --sample follows the bundled sample bucket "
        + "instead of PMC's. Ctrl-C (SIGTERM) stops it cleanly.")
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SampleOptions sample;

  @Mixin SourceOptions source;

  @Mixin KafkaOptions kafkaOptions;

  @Mixin PipelineOptions pipelineOptions;

  @Mixin OperationOptions operation;

  @Mixin AnnotationOptions annotation;

  @Mixin DatasetOptions dataset;

  @Option(names = "--until-caught-up",
      description = "Exit once the feed has nothing new and every output is committed.")
  boolean untilCaughtUp;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Pipeline running;

  @Override
  public Integer call() throws Exception {
    Thread hook = new Thread(this::stopAndWait, "figstream-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return runPipeline(spec.commandLine().getErr());
    } finally {
      finished.countDown();
      if (stopRequested.getCount() > 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
  }

  /** On Ctrl-C or SIGTERM: end the current pass, then let the main thread close everything in order. */
  void stopAndWait() {
    stopRequested.countDown();
    Pipeline p = running;
    if (p != null) {
      p.stop();
    }
    try {
      finished.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int runPipeline(PrintWriter err) throws Exception {
    long started = System.nanoTime();
    KafkaTarget target = kafkaOptions.target(); // every source read (and a bad file refused) before anything starts
    try (Annotating annotating = Annotating.load(annotation, source.dataDir);
         SampleOptions.Running emulator = sample.startIfAsked(err);
         EmbeddedBroker broker = target.external() ? null : EmbeddedBroker.start(source.dataDir.resolve("kafka"))) {
      err.println("figstream: " + annotating.describe());
      PrometheusMeterRegistry metrics = OpsMetrics.newRegistry();
      Map<String, Object> kafka = broker != null ? broker.clientConfig() : target.clientConfig();
      err.println(broker != null ? "figstream: embedded Kafka broker at " + broker.bootstrapServers() + ", data in "
          + source.dataDir.resolve("kafka") + " (no bootstrap.servers configured)" : "figstream: " + target.describe());
      ClusterBinding.check(source.dataDir, kafka); // before Streams and the feed read state of another cluster
      BucketLayout layout = new BucketLayout(emulator != null ? emulator.baseUrl() : source.bucketUrl);
      String feedId = emulator != null ? "sample" : source.bucketUrl;
      try (HttpFetcher http = new HttpFetcher(HttpSettings.defaults(Set.of(layout.host()))
          .withRate(layout.host(), source.bucketRate), metrics);
           FeedIndex index = new FeedIndex(source.dataDir.resolve("feed/index"),
               pipelineOptions.settings(kafkaOptions).stateMemoryBytes());
           KafkaCursorStore cursors = new KafkaCursorStore(kafka, feedId, kafkaOptions.replicationFactor,
               kafkaOptions.createTopics());
           Pipeline pipeline = new Pipeline(kafka, source.dataDir.resolve("streams"),
               new Enrichment(new ArticleFetcher(layout, http, 4), new ImageNormalizer(),
                   new AnnotateStep(annotating.annotator)),
               pipelineOptions.settings(kafkaOptions), metrics);
           DatasetSinkRunner sink = dataset.enabled
               ? new DatasetSinkRunner(kafka, dataset.settings(source.dataDir), FaultPoint.Hook.NONE).start() : null;
           OpsServer ops = operation.httpPort < 0 ? null : OpsServer.start(operation.httpHost, operation.httpPort,
               metrics, pipeline::state, () -> pipeline.stageHealthy() && (sink == null || sink.failure() == null));
           ProgressReporter progress = new ProgressReporter(pipeline, metrics, err)
               .start(operation.progressInterval)) {
        running = pipeline;
        if (ops != null) {
          err.printf("figstream: metrics at http://%s:%d/metrics, health at /health/live and /health/ready%n",
              operation.httpHost, ops.port());
        }
        InventoryFeed feed = new InventoryFeed(new BucketClient(layout, http), index, cursors,
            source.feedSettings(emulator != null), source.dataDir.resolve("feed/work"));
        try {
          do {
            long pass = System.nanoTime();
            err.println(FeedOutput.summary(pipeline.feedAndSettle(feed, Duration.ofMinutes(30)), metrics,
                (System.nanoTime() - pass) / 1_000_000));
            summary(err, kafka, progress, "caught up", started);
            if (sink != null) {
              publishDataset(err, sink, untilCaughtUp);
            }
          } while (!untilCaughtUp && !stopRequested.await(source.pollInterval.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Pipeline.StoppedException e) {
          summary(err, kafka, progress, "stopped", started);
        }
        if (stopRequested.getCount() == 0) {
          err.println("run: stopping: closing the enrichment stage, the Streams app and the broker");
          err.flush();
        }
      } finally {
        metrics.close();
      }
    }
    return 0;
  }

  /** Commits what the sink has read; compacts when due, and always (forced) before a --until-caught-up exit. */
  private void publishDataset(PrintWriter err, DatasetSinkRunner sink, boolean last) throws Exception {
    Duration timeout = Duration.ofMinutes(10);
    sink.catchUpAndCommit(timeout);
    Optional<CompactionResult> compaction = sink.call(
        s -> last ? Optional.of(s.compact(true)) : s.compactIfDue(System.currentTimeMillis()), timeout);
    compaction.ifPresent(c -> err.println("dataset: compaction " + c.describe()));
    Path dir = dataset.directory(source.dataDir);
    err.println(DatasetSummary.describe(dir, sink.call(DatasetSink::manifest, timeout)));
    err.println(DatasetSummary.howToQuery(dir));
    err.flush();
  }

  private static void summary(PrintWriter err, Map<String, Object> kafka, ProgressReporter progress, String how,
      long started) {
    int pairs = TopicCounts.liveKeys(kafka, Topics.FIGURES).size();
    int articles = TopicCounts.liveKeys(kafka, Topics.ARTICLES).size();
    long deadLetters = TopicCounts.records(kafka, Topics.DLQ);
    err.printf("run: %s: %d live pairs on %s, %d articles on %s, %d dead letters on %s, after %d s "
            + "(this run: %d articles and %d figures enriched)%n",
        how, pairs, Topics.FIGURES, articles, Topics.ARTICLES, deadLetters, Topics.DLQ,
        (System.nanoTime() - started) / 1_000_000_000,
        progress.total(org.figstream.topology.enrich.EnrichmentStage.ARTICLES_METRIC),
        progress.total(org.figstream.topology.enrich.EnrichmentStage.FIGURES_METRIC));
    err.flush();
  }
}
