package org.figstream.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.figstream.runtime.Instance;
import org.figstream.runtime.InstanceSettings;
import org.figstream.runtime.KafkaTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code figstream run}: the whole pipeline on Kafka (an embedded broker unless one is given). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Runs the pipeline: the feed puts announcements on article-versions, the version gate, "
            + "dedup and the pair ledger (Kafka Streams, RocksDB) and the enrichment stage turn them into upserts "
            + "and tombstones on figures. Without a bootstrap.servers (from --bootstrap-servers, the "
            + "--kafka-config file or KAFKA_BOOTSTRAP_SERVERS) a single-node KRaft broker runs inside this JVM, "
            + "its data under --data-dir. --sample follows the bundled sample bucket instead of PMC's. "
            + "Ctrl-C (SIGTERM) stops it cleanly.")
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SampleOptions sample;

  @Mixin SourceOptions source;

  @Mixin PubmedOptions pubmed;

  @Mixin KafkaOptions kafkaOptions;

  @Mixin PipelineOptions pipelineOptions;

  @Mixin OperationOptions operation;

  @Mixin AnnotationOptions annotation;

  @Mixin DatasetOptions dataset;

  @Option(
      names = "--until-caught-up",
      description = "Exit once the feed has nothing new and every output is committed.")
  boolean untilCaughtUp;

  @Option(
      names = "--settle-wait",
      description =
          "How long a following run waits, after a feed pass, for what it announced to be "
              + "processed before it commits the dataset and sleeps until the next pass (ISO-8601). "
              + "Default: until it is. A busy pipeline with a short wait and a short --poll-interval "
              + "takes in the next inventory while it works on the last, and the dataset commits "
              + "what is processed at each pass (docs/load.md measures it at 30x and 35x PMC's "
              + "rate). --until-caught-up always waits.")
  Duration settleWait;

  @Option(
      names = "--feed",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Run the feed (default: ${DEFAULT-VALUE}). --no-feed processes only what another "
              + "instance on the same cluster announces: run several instances, one with the feed; "
              + "with --until-caught-up it exits once nothing is pending.")
  boolean feed;

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Instance running;

  @Override
  public Integer call() throws Exception {
    if (settleWait != null && (settleWait.isNegative() || settleWait.isZero())) {
      throw new ParameterException(
          spec.commandLine(), "--settle-wait must be longer than 0 (got " + settleWait + ")");
    }
    StopSignals signals = StopSignals.install(this::stopAndWait);
    // for the other ways a JVM shuts down (System.exit elsewhere, SIGHUP, -Xrs)
    Thread hook = new Thread(this::stopAndWait, "figstream-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Instance instance = new Instance(settings(), spec.commandLine().getErr())) {
      running = instance;
      if (stopRequested.getCount() == 0) {
        instance.stop();
      }
      instance.start().run();
      return signals.exitCode();
    } finally {
      finished.countDown();
      if (stopRequested.getCount() > 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
  }

  /**
   * On Ctrl-C or SIGTERM: end the current pass, then let the main thread close everything in order.
   */
  void stopAndWait() {
    stopRequested.countDown();
    Instance instance = running;
    if (instance != null) {
      instance.stop();
    }
    try {
      finished.await(3, TimeUnit.MINUTES); // closing waits for running inference and Streams
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The options as settings; every Kafka source is read here, so a bad config file stops the run
   * before it starts.
   */
  private InstanceSettings settings() {
    KafkaTarget kafka = kafkaOptions.target();
    return new InstanceSettings(
        source.dataDir,
        kafka,
        sample.settings(),
        source.bucketUrl,
        source.bucketRate,
        source.feedSettings(sample.enabled),
        pubmed.settings(),
        source.pollInterval,
        settleWait,
        untilCaughtUp,
        feed,
        annotation.embedding(source.dataDir),
        annotation.labelling(),
        annotation.ocr(source.dataDir),
        pipelineOptions.settings(kafkaOptions),
        dataset.enabled ? dataset.settings(source.dataDir) : null,
        new InstanceSettings.Ops(
            operation.httpHost, operation.httpPort, operation.progressInterval));
  }
}
