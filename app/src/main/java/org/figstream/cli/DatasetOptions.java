package org.figstream.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.records.Topics;
import picocli.CommandLine.Option;

/**
 * The dataset the run keeps on disk: Parquet shards, delete files, the card and optional WebDataset
 * tars.
 */
final class DatasetOptions {

  @Option(
      names = "--dataset",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Keep a Parquet dataset of figures and articles under --dataset-dir (default: ${DEFAULT-VALUE}).")
  boolean enabled;

  @Option(
      names = "--dataset-dir",
      description = "Where the dataset lives (default: <data-dir>/dataset).")
  Path datasetDir;

  @Option(
      names = "--shard-mb",
      defaultValue = "256",
      description =
          "Commit a Parquet shard once it holds about this many MB (default: ${DEFAULT-VALUE}).")
  long shardMb;

  @Option(
      names = "--shard-rows",
      defaultValue = "100000",
      description = "... or this many rows (default: ${DEFAULT-VALUE}).")
  long shardRows;

  @Option(
      names = "--shard-age",
      defaultValue = "PT5M",
      description =
          "... or once it has been open this long, so a quiet feed still publishes "
              + "(ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration shardAge;

  @Option(
      names = "--row-group-mb",
      description =
          "Parquet row group size in MB; rows carry images, and each open shard holds one in "
              + "memory (default: 64, or a sixteenth of the heap when that is less: 32 at -Xmx512m).")
  Long rowGroupMb;

  @Option(
      names = "--compact-threshold",
      defaultValue = "0.1",
      description =
          "Compaction rewrites a shard once this fraction of its rows was deleted or replaced "
              + "(default: ${DEFAULT-VALUE}).")
  double compactThreshold;

  @Option(
      names = "--compact-interval",
      defaultValue = "PT1H",
      description =
          "How often a long run compacts (ISO-8601, default: ${DEFAULT-VALUE}); "
              + "PT0S: not on a timer. --until-caught-up compacts everything before it exits.")
  Duration compactInterval;

  @Option(
      names = "--webdataset",
      defaultValue = "false",
      description =
          "Also export the live figures with images as WebDataset tar shards at each compaction.")
  boolean webdataset;

  @Option(
      names = "--webdataset-samples",
      defaultValue = "1000",
      description = "Samples per WebDataset tar (default: ${DEFAULT-VALUE}).")
  int webdatasetSamples;

  Path directory(Path dataDir) {
    return datasetDir != null ? datasetDir : dataDir.resolve("dataset");
  }

  SinkSettings settings(Path dataDir) {
    return new SinkSettings(
        directory(dataDir),
        Topics.FIGURES,
        Topics.ARTICLES,
        shardMb << 20,
        shardRows,
        shardAge,
        rowGroupMb != null
            ? rowGroupMb << 20
            : SinkSettings.rowGroupBytesFor(Runtime.getRuntime().maxMemory()),
        compactThreshold,
        compactInterval,
        webdataset,
        webdatasetSamples);
  }
}
