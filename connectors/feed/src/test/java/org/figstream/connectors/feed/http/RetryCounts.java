package org.figstream.connectors.feed.http;

import io.micrometer.core.instrument.MeterRegistry;

/** The fetcher's retries as a failing test should show them: by reason, to tell what went wrong. */
public final class RetryCounts {
  private RetryCounts() {}

  /** {@code [http-503=2, timeout=1, ...]}, from {@link HttpFetcher#RETRIES_METRIC}. */
  public static String byReason(MeterRegistry metrics) {
    return metrics.find(HttpFetcher.RETRIES_METRIC).counters().stream()
        .map(c -> c.getId().getTag("reason") + "=" + (long) c.count())
        .sorted()
        .toList()
        .toString();
  }
}
