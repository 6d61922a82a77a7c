package org.figstream.connectors.feed.http;

import io.micrometer.core.instrument.MeterRegistry;

/** The fetcher's retries ({@link HttpFetcher#RETRIES_METRIC}), as the fault tests count them. */
public final class RetryCounts {
  private RetryCounts() {}

  /** Every retry, whatever its reason. */
  public static double total(MeterRegistry metrics) {
    return metrics.find(HttpFetcher.RETRIES_METRIC).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  /** The retries for one reason ({@code http-503}, {@code md5-mismatch}, ...). */
  public static long of(MeterRegistry metrics, String reason) {
    return (long)
        metrics.find(HttpFetcher.RETRIES_METRIC).tag("reason", reason).counters().stream()
            .mapToDouble(c -> c.count())
            .sum();
  }

  /** {@code [http-503=2, timeout=1, ...]}: what a failing test shows, to tell what went wrong. */
  public static String byReason(MeterRegistry metrics) {
    return metrics.find(HttpFetcher.RETRIES_METRIC).counters().stream()
        .map(c -> c.getId().getTag("reason") + "=" + (long) c.count())
        .sorted()
        .toList()
        .toString();
  }
}
