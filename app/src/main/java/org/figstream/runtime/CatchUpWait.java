package org.figstream.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.figstream.topology.enrich.EnrichmentStage;

/**
 * The wait for a pipeline to settle: until every input of its stages ({@link Pipeline#INPUTS}) has
 * its outputs committed. A stop, a failed enrichment stage or Streams in ERROR end it with an
 * exception.
 */
final class CatchUpWait {
  /**
   * How long to wait before the next caught-up check after one that found work left: a backlog
   * drains for minutes (a backfill for hours), and each check costs the broker a handful of
   * requests (group offsets, end offsets, a fetch), some 40% of all it served in a backfill at five
   * checks a second.
   */
  static final long PENDING_CHECK_MS = 1000;

  /** How long after a check that found nothing left: the second, confirming check comes soon. */
  static final long SETTLING_CHECK_MS = 200;

  private final Map<String, Object> kafka;
  private final KafkaStreams streams;
  private final EnrichmentStage stage;
  private final CountDownLatch stopped;

  /** The groups' committed offsets summed, as the last check read them. */
  private volatile long committed;

  CatchUpWait(
      Map<String, Object> kafka,
      KafkaStreams streams,
      EnrichmentStage stage,
      CountDownLatch stopped) {
    this.kafka = kafka;
    this.streams = streams;
    this.stage = stage;
    this.stopped = stopped;
  }

  /**
   * Until caught up, however long that takes while work moves (a backfill drains for hours) and
   * while the source is down; past {@code stallLimit} with work left and nothing moving, stuck.
   */
  void awaitCaughtUp(Duration stallLimit) throws Exception {
    settles(stallLimit, false);
  }

  /**
   * A count that grows while the pipeline works, on any instance: requests enriched here and
   * offsets committed by every group, as of the last check. What tells a busy pipeline from a stuck
   * one, in this wait and in a following run's between its bounded waits.
   */
  long progress() {
    return committed + stage.progress();
  }

  /** At most {@code wait}: true once caught up, false when the wait ran out with work left. */
  boolean caughtUpWithin(Duration wait) throws Exception {
    return settles(wait, true);
  }

  /**
   * With {@code bounded}, the wait ends at {@code limit} whatever the pipeline does; otherwise
   * {@code limit} is how long work may be left with nothing moving: no request enriched here and no
   * offset committed by any stage of any instance, the source not down.
   */
  private boolean settles(Duration limit, boolean bounded) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    StallWatch stalls = new StallWatch(limit);
    try (Lag lag = new Lag(kafka)) {
      int settled = 0;
      while (settled < 2) { // twice in a row, to be safe against a rebalance between two checks
        if (stopped.getCount() == 0) {
          throw new Pipeline.StoppedException("stopped while waiting for the pipeline to catch up");
        }
        if (stage.failure() != null) {
          throw new IllegalStateException(
              "the enrichment stage stopped: " + stage.failure(), stage.failure());
        }
        if (streams.state() == KafkaStreams.State.ERROR) {
          throw new IllegalStateException("the Streams application is in state ERROR");
        }
        boolean pending = lag.anyPending(Pipeline.INPUTS);
        committed = lag.committedSoFar();
        long now = System.nanoTime();
        if (bounded) {
          // a bounded wait that ran out on an idle pipeline still takes its confirming check
          if (now > deadline && pending) {
            return false;
          }
        } else if (!pending) {
          stalls.settled(now); // idle for a moment: a stall is counted from the next work only
        } else if (stalls.stalled(progress(), stage.waitingForSource() > 0, now)) {
          throw new IllegalStateException(
              "the pipeline did not catch up: work is left and nothing moved for " + limit);
        }
        settled = pending ? 0 : settled + 1;
        stopped.await(pending ? PENDING_CHECK_MS : SETTLING_CHECK_MS, TimeUnit.MILLISECONDS);
      }
    }
    return true;
  }
}
