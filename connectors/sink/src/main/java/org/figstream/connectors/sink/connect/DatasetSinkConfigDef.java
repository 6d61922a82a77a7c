package org.figstream.connectors.sink.connect;

import static org.figstream.connectors.sink.connect.DatasetSinkConfig.ARTICLES_TOPIC;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.COMPACT_INTERVAL_MS;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.COMPACT_THRESHOLD;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.DATASET_DIR;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.FIGURES_TOPIC;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.ROW_GROUP_BYTES;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.SHARD_MAX_AGE_MS;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.SHARD_MAX_BYTES;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.SHARD_MAX_ROWS;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.WEBDATASET_ENABLED;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.WEBDATASET_SAMPLES;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.figstream.connectors.sink.SinkSettings;

/**
 * Every key of {@link DatasetSinkConfig}, declared once with its type, default, valid values and
 * documentation, in the order the REST API lists them.
 */
final class DatasetSinkConfigDef {
  private static final String GROUP = "Dataset";

  private DatasetSinkConfigDef() {}

  static ConfigDef define() {
    return new ConfigDef()
        .define(
            DATASET_DIR,
            Type.STRING,
            ConfigDef.NO_DEFAULT_VALUE,
            new NonEmptyString(),
            Importance.HIGH,
            "Absolute path of the dataset directory on the worker's file system: Parquet shards, delete files, "
                + "_manifest.json, the dataset card. The manifest, not the consumer group's offsets, says which "
                + "records the dataset holds; the task seeks to it at every start. One connector per directory.",
            GROUP,
            1,
            ConfigDef.Width.LONG,
            "Dataset directory")
        .define(
            FIGURES_TOPIC,
            Type.STRING,
            "figures",
            new NonEmptyString(),
            Importance.HIGH,
            "The topic of figure-caption pairs (records/schemas/figure.v3.avsc), read into the figures table. Must be one "
                + "of the two topics in 'topics'.",
            GROUP,
            2,
            ConfigDef.Width.MEDIUM,
            "Figures topic")
        .define(
            ARTICLES_TOPIC,
            Type.STRING,
            "articles",
            new NonEmptyString(),
            Importance.HIGH,
            "The topic of articles (records/schemas/article.v1.avsc), read into the articles table. Must be the other "
                + "topic in 'topics'.",
            GROUP,
            3,
            ConfigDef.Width.MEDIUM,
            "Articles topic")
        .define(
            SHARD_MAX_BYTES,
            Type.LONG,
            SinkSettings.DEFAULT_SHARD_BYTES,
            Range.atLeast(1),
            Importance.MEDIUM,
            "A Parquet shard is committed once it holds about this many bytes.",
            GROUP,
            4,
            ConfigDef.Width.SHORT,
            "Shard bytes")
        .define(
            SHARD_MAX_ROWS,
            Type.LONG,
            SinkSettings.DEFAULT_SHARD_ROWS,
            Range.atLeast(1),
            Importance.MEDIUM,
            "... or this many rows.",
            GROUP,
            5,
            ConfigDef.Width.SHORT,
            "Shard rows")
        .define(
            SHARD_MAX_AGE_MS,
            Type.LONG,
            SinkSettings.DEFAULT_SHARD_AGE.toMillis(),
            Range.atLeast(1),
            Importance.MEDIUM,
            "... or once it has been open this long, so that a quiet feed still publishes. Records are in the "
                + "dataset (and their offsets committed) only once their shard is committed.",
            GROUP,
            6,
            ConfigDef.Width.SHORT,
            "Shard age (ms)")
        .define(
            ROW_GROUP_BYTES,
            Type.LONG,
            SinkSettings.DEFAULT_ROW_GROUP_BYTES,
            Range.atLeast(1),
            Importance.LOW,
            "Parquet row group size in bytes; rows carry images, so groups are large.",
            GROUP,
            7,
            ConfigDef.Width.SHORT,
            "Row group bytes")
        .define(
            COMPACT_THRESHOLD,
            Type.DOUBLE,
            SinkSettings.DEFAULT_COMPACT_THRESHOLD,
            Range.between(0.0, 1.0),
            Importance.LOW,
            "Compaction rewrites a shard once this fraction of its rows was deleted or replaced.",
            GROUP,
            8,
            ConfigDef.Width.SHORT,
            "Compaction threshold")
        .define(
            COMPACT_INTERVAL_MS,
            Type.LONG,
            SinkSettings.DEFAULT_COMPACT_INTERVAL.toMillis(),
            Range.atLeast(0),
            Importance.LOW,
            "How often the task compacts the dataset, in ms; 0 never. Compaction runs on the task's thread, "
                + "between two batches.",
            GROUP,
            9,
            ConfigDef.Width.SHORT,
            "Compaction interval (ms)")
        .define(
            WEBDATASET_ENABLED,
            Type.BOOLEAN,
            false,
            Importance.LOW,
            "Also export the live figures with images as WebDataset tar shards at each compaction.",
            GROUP,
            10,
            ConfigDef.Width.SHORT,
            "WebDataset export")
        .define(
            WEBDATASET_SAMPLES,
            Type.INT,
            SinkSettings.DEFAULT_WEBDATASET_SAMPLES,
            Range.atLeast(1),
            Importance.LOW,
            "Samples per WebDataset tar.",
            GROUP,
            11,
            ConfigDef.Width.SHORT,
            "WebDataset samples per tar");
  }
}
