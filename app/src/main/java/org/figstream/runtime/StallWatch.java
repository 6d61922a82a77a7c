package org.figstream.runtime;

import java.time.Duration;

/**
 * Whether work that is left still moves, for a following run whose passes end before the pipeline
 * settles ({@code --settle-wait}): such a pass never waits long enough to see a pipeline that is
 * stuck, which the wait until settled reports after {@link #limit}. Progress is a count that grows
 * while work is done (requests enriched, offsets committed: {@code CatchUpWait.progress}); a
 * reading while the source is down counts as moving, as the wait until settled waits an outage out.
 */
public final class StallWatch {
  private final Duration limit;
  private long count = Long.MIN_VALUE;
  private long since;

  public StallWatch(Duration limit) {
    this.limit = limit;
  }

  /** The pipeline settled: nothing is left, so nothing can be stuck. */
  public void settled(long nowNanos) {
    count = Long.MIN_VALUE;
    since = nowNanos;
  }

  /**
   * True when work is left and {@code progress} has not moved for longer than the limit.
   *
   * @param waitingForSource the pipeline waits out an outage of its source
   */
  public boolean stalled(long progress, boolean waitingForSource, long nowNanos) {
    if (progress != count || waitingForSource) {
      count = progress;
      since = nowNanos;
      return false;
    }
    return nowNanos - since > limit.toNanos();
  }

  public Duration limit() {
    return limit;
  }
}
