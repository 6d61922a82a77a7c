package org.figstream.connectors.sink;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the dataset sink writes; every value has a documented option in {@code figstream run} and a
 * key in the Kafka Connect plugin's configuration.
 *
 * @param dataset the dataset directory; nothing is ever written outside it
 * @param maxShardBytes a shard is committed once it holds about this many bytes
 * @param maxShardRows ... or this many rows
 * @param maxShardAge ... or has been open this long, so that a quiet feed still publishes
 * @param rowGroupBytes Parquet row group size; rows carry images, so groups are large
 * @param compactThreshold a shard is rewritten by compaction once this fraction of its rows is dead
 * @param compactInterval how often {@link DatasetSink#compactIfDue} compacts; zero: only when
 *     compaction is forced
 * @param webdataset whether compaction also exports WebDataset tar shards
 * @param webdatasetSamples samples per WebDataset tar
 */
public record SinkSettings(
    Path dataset,
    String figuresTopic,
    String articlesTopic,
    long maxShardBytes,
    long maxShardRows,
    Duration maxShardAge,
    long rowGroupBytes,
    double compactThreshold,
    Duration compactInterval,
    boolean webdataset,
    int webdatasetSamples) {

  public static final long DEFAULT_SHARD_BYTES = 256L << 20;
  public static final long DEFAULT_SHARD_ROWS = 100_000;
  public static final Duration DEFAULT_SHARD_AGE = Duration.ofMinutes(5);
  public static final long DEFAULT_ROW_GROUP_BYTES = 64L << 20;
  public static final double DEFAULT_COMPACT_THRESHOLD = 0.1;
  public static final Duration DEFAULT_COMPACT_INTERVAL = Duration.ofHours(1);
  public static final int DEFAULT_WEBDATASET_SAMPLES = 1000;

  public SinkSettings {
    if (maxShardBytes <= 0
        || maxShardRows <= 0
        || maxShardAge.isNegative()
        || maxShardAge.isZero()) {
      throw new IllegalArgumentException("shard limits must be positive");
    }
    if (compactThreshold < 0 || compactThreshold > 1) {
      throw new IllegalArgumentException(
          "compaction threshold must be between 0 and 1, not " + compactThreshold);
    }
    if (compactInterval.isNegative()) {
      throw new IllegalArgumentException(
          "compaction interval must not be negative, not " + compactInterval);
    }
    if (webdatasetSamples <= 0) {
      throw new IllegalArgumentException("samples per WebDataset shard must be positive");
    }
    dataset = dataset.toAbsolutePath().normalize();
  }

  /**
   * The row group size for a JVM with {@code maxHeapBytes}: the default, or a sixteenth of the heap
   * when that is less (at least 4 MB). Each open shard buffers a row group of images in memory, and
   * a run keeps four open (figures and articles, by licence subset).
   */
  public static long rowGroupBytesFor(long maxHeapBytes) {
    return Math.max(4L << 20, Math.min(DEFAULT_ROW_GROUP_BYTES, maxHeapBytes / 16));
  }

  public static SinkSettings defaults(Path dataset) {
    return new SinkSettings(
        dataset,
        "figures",
        "articles",
        DEFAULT_SHARD_BYTES,
        DEFAULT_SHARD_ROWS,
        DEFAULT_SHARD_AGE,
        DEFAULT_ROW_GROUP_BYTES,
        DEFAULT_COMPACT_THRESHOLD,
        DEFAULT_COMPACT_INTERVAL,
        false,
        DEFAULT_WEBDATASET_SAMPLES);
  }

  public SinkSettings withShardRows(long rows) {
    return new SinkSettings(
        dataset,
        figuresTopic,
        articlesTopic,
        maxShardBytes,
        rows,
        maxShardAge,
        rowGroupBytes,
        compactThreshold,
        compactInterval,
        webdataset,
        webdatasetSamples);
  }

  public SinkSettings withShardBytes(long bytes) {
    return new SinkSettings(
        dataset,
        figuresTopic,
        articlesTopic,
        bytes,
        maxShardRows,
        maxShardAge,
        rowGroupBytes,
        compactThreshold,
        compactInterval,
        webdataset,
        webdatasetSamples);
  }

  public SinkSettings withCompactInterval(Duration interval) {
    return new SinkSettings(
        dataset,
        figuresTopic,
        articlesTopic,
        maxShardBytes,
        maxShardRows,
        maxShardAge,
        rowGroupBytes,
        compactThreshold,
        interval,
        webdataset,
        webdatasetSamples);
  }

  public SinkSettings withWebDataset(int samplesPerShard) {
    return new SinkSettings(
        dataset,
        figuresTopic,
        articlesTopic,
        maxShardBytes,
        maxShardRows,
        maxShardAge,
        rowGroupBytes,
        compactThreshold,
        compactInterval,
        true,
        samplesPerShard);
  }
}
