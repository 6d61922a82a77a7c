package org.figstream.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.discovery.FeedFencedException;
import org.figstream.connectors.feed.discovery.FeedLeadership;
import org.figstream.connectors.feed.discovery.FeedRun;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.http.UrlCheck;
import org.figstream.connectors.feed.pubmed.PubmedSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.runtime.ops.MeterCatalog;
import org.figstream.runtime.ops.OpsMetrics;
import org.figstream.runtime.ops.OpsServer;
import org.figstream.runtime.sink.DatasetSinkRunner;
import org.figstream.state.FeedIndex;
import org.figstream.topology.enrich.AnnotateStep;
import org.figstream.topology.enrich.Enrichment;
import org.figstream.topology.enrich.EnrichmentStage;

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

  /** The longest wait for the pipeline to settle: past it, the pipeline is taken to be stuck. */
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(30);

  /** With --settle-wait, what tells a pipeline that is stuck from one that is busy. */
  private final StallWatch stalls = new StallWatch(SETTLE_TIMEOUT);

  private final InstanceSettings settings;
  private final PrintWriter log;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
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
    opened.push(metrics::close);
    Metrics.addRegistry(metrics); // the embedding batchers record to the global registry
    opened.push(() -> Metrics.removeRegistry(metrics));
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
    kafka = broker != null ? broker.clientConfig() : settings.kafka().clientConfig();
    if (broker != null) {
      // one instance by construction: after a crash, the restart takes the dead process's place
      // in every consumer group at once, instead of waiting out its session (45 s) to rebalance
      kafka = new HashMap<>(kafka);
      kafka.put(
          ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "figstream-" + settings.pipeline().instanceId());
    }
    log.println(
        broker != null
            ? "figstream: embedded Kafka broker at "
                + broker.bootstrapServers()
                + ", data in "
                + settings.dataDir().resolve("kafka")
                + " (no bootstrap.servers configured)"
            : "figstream: " + settings.kafka().describe());
    if (broker != null && !broker.finishedOrphans().isEmpty()) {
      log.println(
          "figstream: the last stop left "
              + broker.finishedOrphans().size()
              + " partitions in transactions their coordinator had finished; committed where it"
              + " had committed, else aborted and the work they held redone: "
              + broker.finishedOrphans());
    }
    ClusterBinding.check(
        settings.dataDir(), kafka); // before Streams and the feed read state of another cluster
    BucketLayout layout =
        new BucketLayout(emulator != null ? emulator.baseUrl() : settings.bucketUrl());
    PubmedSettings pubmedSettings = pubmedSettings(emulator);
    Set<String> origins = new LinkedHashSet<>();
    // host:port, so that a URL in bucket data naming another port is refused
    origins.add(UrlCheck.origin(layout.baseUrl()));
    HttpSettings httpSettings =
        HttpSettings.defaults(origins).withRate(layout.host(), settings.bucketRate());
    if (pubmedSettings != null) {
      origins.addAll(pubmedSettings.origins());
      // the emulator serves E-utilities on the bucket's host: NCBI's rate would slow the bucket
      httpSettings =
          emulator != null
              ? HttpSettings.defaults(origins).withRate(layout.host(), settings.bucketRate())
              : pubmedSettings
                  .rateLimited(HttpSettings.defaults(origins))
                  .withRate(layout.host(), settings.bucketRate());
    }
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
    startOps();
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

  /** PubMed's settings, on the emulator's E-utilities and update files with a sample; or null. */
  private PubmedSettings pubmedSettings(BucketEmulator emulator) {
    PubmedSettings s = settings.pubmed();
    if (s == null || emulator == null) {
      return s;
    }
    return s.at(emulator.baseUrl() + "/entrez/eutils", emulator.baseUrl() + "/pubmed/updatefiles/");
  }

  private void startOps() {
    InstanceSettings.Ops ops = settings.ops();
    if (ops.httpPort() < 0) {
      return;
    }
    Pipeline p = pipeline;
    DatasetSinkRunner s = sink;
    OpsServer server =
        open(
            OpsServer.start(
                ops.httpHost(),
                ops.httpPort(),
                metrics,
                p::state,
                () -> p.stageHealthy() && (s == null || s.failure() == null)));
    log.printf(
        "figstream: metrics at http://%s:%d/metrics, health at /health/live and /health/ready%n",
        ops.httpHost(), server.port());
  }

  /**
   * Feed passes until caught up ({@code untilCaughtUp}) or stopped, each followed by the summary
   * lines and, with a dataset, its commit and compaction.
   */
  public void run() throws Exception {
    RunReport report = new RunReport(log, kafka, pipeline, progress, started);
    if (!settings.feedEnabled()) {
      log.println("feed: off (--no-feed): processing what other instances announce");
      log.flush();
    }
    Counter passes = metrics.counter(FEED_PASSES_METRIC);
    Counter failedPasses = metrics.counter(FEED_FAILED_PASSES_METRIC);
    AtomicLong lastPass = metrics.gauge(FEED_LAST_PASS_METRIC, new AtomicLong());
    try {
      do {
        boolean settled;
        if (settings.feedEnabled()) {
          PassOutcome outcome = feedPass();
          if (outcome.failed()) {
            failedPasses.increment();
          } else {
            passes.increment();
            lastPass.set(System.currentTimeMillis() / 1000);
          }
          settled = outcome.settled();
        } else {
          settled = settle();
        }
        report.summary(
            settled
                ? "caught up"
                : "still processing after the --settle-wait of " + settings.settleWait());
        if (sink != null) {
          report.publishDataset(sink, settings.dataset().dataset(), settings.untilCaughtUp());
        }
      } while (!settings.untilCaughtUp()
          && !stopRequested.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS));
    } catch (Pipeline.StoppedException e) {
      report.summary("stopped");
    }
    if (stopRequested.getCount() == 0) {
      log.println("run: stopping: closing the enrichment stage, the Streams app and the broker");
      log.flush();
    }
  }

  /**
   * How a feed pass ended: whether it failed (the next one follows, the run goes on) and whether
   * what was announced is processed.
   */
  private record PassOutcome(boolean failed, boolean settled) {
    static PassOutcome done(boolean settled) {
      return new PassOutcome(false, settled);
    }
  }

  /**
   * Waits for what was announced to be processed: in a following run with a {@code --settle-wait}
   * at most that long (false if work is left, which goes on), otherwise until it is.
   */
  private boolean settle() throws Exception {
    if (settings.untilCaughtUp() || settings.settleWait() == null) {
      pipeline.awaitCaughtUp(SETTLE_TIMEOUT);
      return true;
    }
    if (pipeline.caughtUpWithin(settings.settleWait())) {
      stalls.settled(System.nanoTime());
      return true;
    }
    if (stalls.stalled(
        progress.total(EnrichmentStage.ARTICLES_METRIC),
        pipeline.waitingForSource() > 0,
        System.nanoTime())) {
      throw new IllegalStateException(
          "the pipeline did not catch up: no article enriched for " + stalls.limit());
    }
    return false;
  }

  /** One pass of the feed if this instance leads it; otherwise waits for what the leader sent. */
  private PassOutcome feedPass() throws Exception {
    long pass = System.nanoTime();
    if (!leadership.awaitDecided(Duration.ofMinutes(1))) {
      log.println(
          "feed: standby: another instance leads the feed of "
              + feedSource()
              + " (consumer group "
              + leadership.group()
              + "); this one keeps processing");
      return PassOutcome.done(settle());
    }
    log.println("feed: reading the newest inventory of " + feedSource());
    log.flush();
    try {
      FeedRun run = pipeline.feedPass(feed, cursors);
      boolean settled = settle();
      log.println(FeedOutput.summary(run, metrics, (System.nanoTime() - pass) / 1_000_000));
      settled = pubmedPass() && settled;
      return PassOutcome.done(settled);
    } catch (FeedFencedException e) {
      log.println("feed: fenced: " + e.getMessage() + "; this instance keeps processing");
      return PassOutcome.done(settle());
    } catch (FeedPassFailedException e) {
      if (settings.untilCaughtUp()) {
        throw e;
      }
      // a following run outlives a broken or expired inventory: the next pass starts from the
      // cursor, or from a newer inventory, and the pipeline finishes what was announced meanwhile
      log.println(
          "feed: "
              + e.getMessage()
              + "; the cursor stays at its last checkpoint, the next pass in "
              + settings.pollInterval().toSeconds()
              + " s");
      log.flush();
      return new PassOutcome(true, settle());
    }
  }

  /**
   * After a feed pass: the citations of what it announced, and what NLM changed since; then waits
   * ({@link #settle}) until the join has put the articles they change on {@code articles}, false if
   * a --settle-wait ran out first. A failure is told and left for the next pass: the articles are
   * published already, without their citation.
   */
  private boolean pubmedPass() throws Exception {
    if (pubmed == null) {
      return true;
    }
    log.flush();
    PubmedFeed.Pass done;
    try {
      done = pubmed.pass();
      log.println(done.line());
    } catch (RuntimeException e) {
      log.println(
          "pubmed: the pass failed ("
              + e.getMessage()
              + "); efetch and the update files are tried again next pass");
      return true;
    } finally {
      log.flush();
    }
    return !done.sent() || settle();
  }

  private String feedSource() {
    return settings.sample() != null ? "the sample bucket" : settings.bucketUrl();
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
    opened.push(resource);
    return resource;
  }

  /**
   * Closes everything opened, the last first; a failure to close one does not keep the others open.
   */
  @Override
  public void close() throws Exception {
    Exception first = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
