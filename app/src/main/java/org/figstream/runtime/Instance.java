package org.figstream.runtime;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.discovery.FeedLeadership;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.pubmed.PubmedSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.runtime.ops.MeterCatalog;
import org.figstream.runtime.ops.OpsMetrics;
import org.figstream.runtime.sink.DatasetSinkRunner;
import org.figstream.state.FeedIndex;
import org.figstream.topology.enrich.AnnotateStep;
import org.figstream.topology.enrich.Enrichment;

/**
 * One figstream instance, the one place that assembles the pipeline and closes it: models, the
 * sample bucket emulator, the broker (embedded, or the configured cluster), the feed's HTTP client,
 * index and cursors, the Streams app and enrichment stage, the dataset sink, the ops endpoint and
 * progress lines. {@link #close()} closes what {@link #start()} opened, in reverse order, however
 * far it got.
 */
public final class Instance implements AutoCloseable {
  public static final String FEED_PASSES_METRIC = "figstream.feed.passes";
  public static final String FEED_FAILED_PASSES_METRIC = "figstream.feed.failed.passes";
  public static final String FEED_LAST_PASS_METRIC = "figstream.feed.last.pass.timestamp.seconds";
  public static final String FEED_LEADER_METRIC = "figstream.feed.leader";

  private final InstanceSettings settings;
  private final PrintWriter log;
  private final OpenedResources opened = new OpenedResources();
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final long started = System.nanoTime();
  private volatile Pipeline pipeline;
  private Map<String, Object> kafka;
  private PrometheusMeterRegistry metrics;
  private InventoryFeed feed;
  private KafkaCursorStore cursors;
  private FeedLeadership leadership;
  private DatasetSinkRunner sink;
  private ProgressReporter progress;
  private PubmedFeed pubmed;

  /**
   * Starts nothing: {@link #start()} does, so that {@link #stop()} can be called from the first
   * moment.
   */
  public Instance(InstanceSettings settings, PrintWriter log) {
    this.settings = settings;
    this.log = log;
  }

  /** Opens everything, upstream first; on a failure, what was opened stays for {@link #close()}. */
  public Instance start() throws Exception {
    // first: the encoders and labeller time their stages on it
    metrics = OpsMetrics.newRegistry();
    open(metrics::close);
    Metrics.addRegistry(metrics); // the embedding batchers record to the global registry
    open(() -> Metrics.removeRegistry(metrics));
    StageTimes stages = StageTimes.on(metrics);
    log.println("figstream: loading the image and caption encoders and the labeller's concepts");
    log.flush();
    long loading = System.nanoTime();
    Annotating annotating =
        open(
            Annotating.load(
                settings.embedding(),
                settings.labelling(),
                settings.ocr(),
                settings.dataDir(),
                stages));
    long loaded = (System.nanoTime() - loading) / 1_000_000;
    BucketEmulator emulator = settings.sample() == null ? null : open(settings.sample().start(log));
    EmbeddedBroker broker =
        settings.kafka().external()
            ? null
            : open(EmbeddedBroker.start(settings.dataDir().resolve("kafka")));
    log.printf(
        Locale.ROOT, "figstream: %s (loaded in %.1f s)%n", annotating.describe(), loaded / 1000.0);
    kafka = InstanceKafka.clientConfig(broker, settings);
    InstanceKafka.describe(broker, settings, log);
    ClusterBinding.check(
        settings.dataDir(), kafka); // before Streams and the feed read state of another cluster
    BucketLayout layout =
        new BucketLayout(emulator != null ? emulator.baseUrl() : settings.bucketUrl());
    PubmedSettings pubmedSettings = FeedOrigins.pubmed(settings, emulator);
    HttpSettings httpSettings =
        FeedOrigins.http(layout, pubmedSettings, emulator, settings.bucketRate());
    HttpFetcher http = open(new HttpFetcher(httpSettings, metrics));
    MeterCatalog.registerHost(metrics, layout.host());
    PipelineSettings processing = settings.pipeline();
    FeedIndex index =
        open(
            new FeedIndex(settings.dataDir().resolve("feed/index"), processing.stateMemoryBytes()));
    String feedId = emulator != null ? "sample" : settings.bucketUrl();
    cursors =
        open(
            KafkaCursorStore.fenced(
                kafka, feedId, processing.replication(), processing.createTopics()));
    // an instance without the feed stays out of the election: holding partition 0 it would lead
    // a feed it never runs
    leadership = settings.feedEnabled() ? open(new FeedLeadership(kafka, feedId)) : null;
    metrics.gauge(
        FEED_LEADER_METRIC, this, i -> i.leadership != null && i.leadership.isLeader() ? 1 : 0);
    pipeline =
        open(
            new Pipeline(
                kafka,
                settings.dataDir().resolve("streams"),
                new Enrichment(
                    new ArticleFetcher(layout, http, 4),
                    new ImageNormalizer(),
                    new AnnotateStep(annotating.annotator()),
                    stages),
                processing,
                metrics));
    if (stopRequested.getCount() == 0) {
      pipeline.stop();
    }
    sink =
        settings.dataset() == null
            ? null
            : open(
                new DatasetSinkRunner(kafka, settings.dataset(), FaultPoint.Hook.NONE, metrics)
                    .start());
    // made before the endpoint serves /metrics, so its lag gauges are there from the first scrape
    ProgressReporter reporter = new ProgressReporter(pipeline, metrics, log);
    OpsEndpoint.start(settings.ops(), opened, metrics, pipeline, sink, log);
    progress = open(reporter.start(settings.ops().progressInterval()));
    pubmed =
        pubmedSettings == null || !settings.feedEnabled()
            ? null
            : open(
                new PubmedFeed(
                    kafka,
                    pubmedSettings,
                    http,
                    settings.dataDir().resolve("feed/pubmed"),
                    processing,
                    settings.feed().startPolicy(),
                    metrics));
    feed =
        new InventoryFeed(
            new BucketClient(layout, http),
            index,
            cursors,
            settings.feed(),
            settings.dataDir().resolve("feed/work"));
    return this;
  }

  /**
   * Feed passes until caught up ({@code untilCaughtUp}) or stopped, each followed by the summary
   * lines and, with a dataset, its commit and compaction ({@link RunLoop}).
   */
  public void run() throws Exception {
    new RunLoop(
            settings,
            log,
            new RunReport(log, kafka, pipeline, progress, started),
            metrics,
            pipeline,
            sink,
            leadership,
            feed,
            cursors,
            pubmed,
            stopRequested)
        .run();
  }

  /** Ends the current pass (Ctrl-C, SIGTERM): {@link #run()} returns, then the caller closes. */
  public void stop() {
    stopRequested.countDown();
    Pipeline p = pipeline;
    if (p != null) {
      p.stop();
    }
  }

  private <T extends AutoCloseable> T open(T resource) {
    return opened.open(resource);
  }

  /**
   * Closes everything opened, the last first; a failure to close one does not keep the others open.
   */
  @Override
  public void close() throws Exception {
    opened.close();
  }
}
