package org.figstream.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.figstream.connectors.feed.discovery.FeedFencedException;
import org.figstream.connectors.feed.discovery.FeedLeadership;
import org.figstream.connectors.feed.discovery.FeedRun;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.runtime.sink.DatasetSinkRunner;

/**
 * The passes of a started {@link Instance}: feed passes (or, without the feed, waits for what other
 * instances announce) until caught up or stopped, each followed by the summary lines and, with a
 * dataset, its commit and compaction.
 */
final class RunLoop {
  /**
   * How long work may be left with nothing moving before the pipeline is taken to be stuck: not a
   * limit on the wait to settle, which a backfill makes hours long.
   */
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(30);

  /** With --settle-wait, what tells a pipeline that is stuck from one that is busy. */
  private final StallWatch stalls = new StallWatch(SETTLE_TIMEOUT);

  private final InstanceSettings settings;
  private final PrintWriter log;
  private final RunReport report;
  private final MeterRegistry metrics;
  private final Pipeline pipeline;
  private final DatasetSinkRunner sink;
  private final FeedLeadership leadership;
  private final InventoryFeed feed;
  private final KafkaCursorStore cursors;
  private final PubmedFeed pubmed;
  private final CountDownLatch stopRequested;

  /**
   * {@code sink}, {@code leadership} and {@code pubmed} are null without a dataset, the feed or
   * PubMed; once {@code stopRequested} is counted down, no further pass starts.
   */
  RunLoop(
      InstanceSettings settings,
      PrintWriter log,
      RunReport report,
      MeterRegistry metrics,
      Pipeline pipeline,
      DatasetSinkRunner sink,
      FeedLeadership leadership,
      InventoryFeed feed,
      KafkaCursorStore cursors,
      PubmedFeed pubmed,
      CountDownLatch stopRequested) {
    this.settings = settings;
    this.log = log;
    this.report = report;
    this.metrics = metrics;
    this.pipeline = pipeline;
    this.sink = sink;
    this.leadership = leadership;
    this.feed = feed;
    this.cursors = cursors;
    this.pubmed = pubmed;
    this.stopRequested = stopRequested;
  }

  /** Passes until caught up ({@code untilCaughtUp}) or stopped. */
  void run() throws Exception {
    if (!settings.feedEnabled()) {
      log.println("feed: off (--no-feed): processing what other instances announce");
      log.flush();
    }
    Counter passes = metrics.counter(Instance.FEED_PASSES_METRIC);
    Counter failedPasses = metrics.counter(Instance.FEED_FAILED_PASSES_METRIC);
    AtomicLong lastPass = metrics.gauge(Instance.FEED_LAST_PASS_METRIC, new AtomicLong());
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
    if (stalls.stalled(pipeline.progress(), pipeline.waitingForSource() > 0, System.nanoTime())) {
      throw new IllegalStateException(
          "the pipeline did not catch up: work is left and nothing moved for " + stalls.limit());
    }
    return false;
  }

  private String feedSource() {
    return settings.sample() != null ? "the sample bucket" : settings.bucketUrl();
  }
}
