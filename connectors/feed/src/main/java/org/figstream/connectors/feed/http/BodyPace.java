package org.figstream.connectors.feed.http;

import java.time.Duration;

/**
 * The clock of one attempt. Until the response headers arrive it may run for {@code allowance};
 * after that every byte received buys {@code 1 / minBytesPerSecond} s more, so a body that keeps
 * arriving at the floor's rate or faster is never cut however long it takes (an 8 GiB inventory
 * part), while one that trickles is: Reactor Netty's responseTimeout only bounds each silence, and
 * a byte every few seconds would otherwise hold a connection for ever.
 */
final class BodyPace {
  private final String url;
  private final long startedNanos = System.nanoTime();
  private final Duration allowance;
  private final long allowanceNanos;
  private final long minBytesPerSecond;
  private volatile boolean answered;
  private long received;

  BodyPace(String url, Duration allowance, long minBytesPerSecond) {
    this.url = url;
    this.allowance = allowance;
    this.allowanceNanos = allowance.toNanos();
    this.minBytesPerSecond = minBytesPerSecond;
  }

  Duration allowance() {
    return allowance;
  }

  /** The headers are in: from now on the body's own pace, not the allowance alone, decides. */
  void answered() {
    answered = true;
  }

  boolean isAnswered() {
    return answered;
  }

  /**
   * Counts a chunk of the body; fails when it came after the time the bytes before it had bought (a
   * stall within that time is left to the idle timeout, which ends it sooner).
   */
  void arrived(byte[] chunk) {
    double dueNanos = allowanceNanos + received * 1e9 / minBytesPerSecond;
    long elapsedNanos = System.nanoTime() - startedNanos;
    if (elapsedNanos > dueNanos) {
      throw FetchFailure.retryable(
          "timeout",
          url,
          "body of "
              + url
              + " arrived slower than "
              + minBytesPerSecond
              + " bytes/s: "
              + received
              + " bytes in "
              + Duration.ofNanos(elapsedNanos).toMillis()
              + " ms",
          null);
    }
    received += chunk.length;
  }
}
