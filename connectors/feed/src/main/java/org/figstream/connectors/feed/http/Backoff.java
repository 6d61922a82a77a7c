package org.figstream.connectors.feed.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, the one formula behind every wait before trying again: a
 * request's retries ({@link RetryPolicy}), the rounds of an outage ({@link OutageWait}) and the
 * enrichment stage's held partitions.
 */
public final class Backoff {
  private Backoff() {}

  /**
   * {@code first} doubled for each attempt after the first, capped at {@code max}, then spread by
   * up to {@code jitter} of itself either way, so that clients failed by the same cause do not all
   * come back at once; at least 1 ms.
   */
  public static Duration exponential(Duration first, Duration max, double jitter, long attempt) {
    double base = first.toMillis() * Math.pow(2, attempt - 1);
    double capped = Math.min(base, max.toMillis());
    double spread = jitter * capped;
    double jittered = capped + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * spread;
    return Duration.ofMillis(Math.max(1, (long) jittered));
  }
}
