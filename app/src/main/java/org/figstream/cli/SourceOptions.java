package org.figstream.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.discovery.FeedSettings;
import org.figstream.connectors.feed.discovery.StartPolicy;
import picocli.CommandLine.Option;

/**
 * Where the feed reads, where it keeps its state, and how it starts: shared by {@code feed} and
 * {@code run}.
 */
final class SourceOptions {

  @Option(
      names = "--bucket-url",
      defaultValue = BucketLayout.DEFAULT_BASE_URL,
      description =
          "HTTPS endpoint of the pmc-oa-opendata bucket; its host is the only one contacted "
              + "(default: ${DEFAULT-VALUE}).")
  String bucketUrl;

  @Option(
      names = "--bucket-rate",
      defaultValue = "20",
      description = "Requests per second to the bucket host (default: ${DEFAULT-VALUE}).")
  double bucketRate;

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      description =
          "Everything a run keeps: feed index and cursor, broker logs, state stores "
              + "(default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--start-policy",
      description =
          "First start with an empty data directory: FROM_NOW (record, announce nothing) or "
              + "BACKFILL (announce every version). Default: FROM_NOW, or BACKFILL with --sample.")
  StartPolicy startPolicy;

  @Option(
      names = "--keep-manuscripts",
      description = "Also announce versions outside the OA subset.")
  boolean keepManuscripts;

  @Option(
      names = "--poll-interval",
      defaultValue = "PT1H",
      description =
          "How often to look for a new inventory when following (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  /** The feed settings these options ask for; a sample run backfills unless told otherwise. */
  FeedSettings feedSettings(boolean sample) {
    StartPolicy policy =
        startPolicy != null ? startPolicy : sample ? StartPolicy.BACKFILL : StartPolicy.FROM_NOW;
    return FeedSettings.defaults().withStartPolicy(policy).withKeepManuscripts(keepManuscripts);
  }
}
