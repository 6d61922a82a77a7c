package org.figstream.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import org.figstream.connectors.feed.discovery.FeedRun;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.runtime.ops.OpsMetrics;

/** The closing line of a feed pass. */
public final class FeedOutput {
  private FeedOutput() {}

  public static String summary(FeedRun run, MeterRegistry metrics, long millis) {
    double retries = OpsMetrics.sum(metrics, HttpFetcher.RETRIES_METRIC);
    if (run.inventory() == null) {
      return "feed: the bucket has no inventory yet, in " + millis + " ms";
    }
    if (run.upToDate()) {
      return "feed: inventory "
          + run.inventory()
          + " was already processed; nothing new, in "
          + millis
          + " ms";
    }
    return String.format(
        "feed: inventory %s: %d rows, %d announced, %d removed, %d unchanged, %d skipped, "
            + "%d failed, %.0f retries, in %d ms",
        run.inventory(),
        run.rows(),
        run.announced(),
        run.removed(),
        run.unchanged(),
        run.skipped(),
        run.failed(),
        retries,
        millis);
  }
}
