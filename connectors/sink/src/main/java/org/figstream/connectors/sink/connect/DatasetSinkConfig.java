package org.figstream.connectors.sink.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkTask;
import org.figstream.connectors.sink.SinkSettings;

/**
 * The Kafka Connect configuration of the dataset sink: one key per {@link SinkSettings} field, each
 * declared once here with its documentation (the REST API's {@code /connector-plugins/.../config}
 * shows it). {@link #problems} checks what spans several keys, Connect's own included.
 */
public final class DatasetSinkConfig extends AbstractConfig {
  public static final String DATASET_DIR = "dataset.dir";
  public static final String FIGURES_TOPIC = "figures.topic";
  public static final String ARTICLES_TOPIC = "articles.topic";
  public static final String SHARD_MAX_BYTES = "shard.max.bytes";
  public static final String SHARD_MAX_ROWS = "shard.max.rows";
  public static final String SHARD_MAX_AGE_MS = "shard.max.age.ms";
  public static final String ROW_GROUP_BYTES = "row.group.bytes";
  public static final String COMPACT_THRESHOLD = "compact.threshold";
  public static final String COMPACT_INTERVAL_MS = "compact.interval.ms";
  public static final String WEBDATASET_ENABLED = "webdataset.enabled";
  public static final String WEBDATASET_SAMPLES = "webdataset.samples";

  static final String BYTE_ARRAY_CONVERTER =
      "org.apache.kafka.connect.converters.ByteArrayConverter";
  static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";

  private static final String GROUP = "Dataset";

  public static final ConfigDef CONFIG_DEF =
      new ConfigDef()
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

  public DatasetSinkConfig(Map<String, String> props) {
    super(CONFIG_DEF, props);
  }

  public SinkSettings settings() {
    return new SinkSettings(
        Path.of(getString(DATASET_DIR)),
        getString(FIGURES_TOPIC),
        getString(ARTICLES_TOPIC),
        getLong(SHARD_MAX_BYTES),
        getLong(SHARD_MAX_ROWS),
        Duration.ofMillis(getLong(SHARD_MAX_AGE_MS)),
        getLong(ROW_GROUP_BYTES),
        getDouble(COMPACT_THRESHOLD),
        Duration.ofMillis(getLong(COMPACT_INTERVAL_MS)),
        getBoolean(WEBDATASET_ENABLED),
        getInt(WEBDATASET_SAMPLES));
  }

  /**
   * What is wrong with a connector configuration beyond single keys, by key: the dataset directory
   * must be absolute, the two topics distinct and exactly the ones {@code topics} subscribes to
   * ({@code topics.regex} could match others, or later none), and records must reach the task as
   * raw bytes.
   */
  public static Map<String, List<String>> problems(Map<String, String> props) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    String dir = props.get(DATASET_DIR);
    if (dir != null && !dir.isBlank() && !Path.of(dir.trim()).isAbsolute()) {
      add(problems, DATASET_DIR, "must be an absolute path on the worker, not '" + dir + "'");
    }
    String figures = valueOrDefault(props, FIGURES_TOPIC);
    String articles = valueOrDefault(props, ARTICLES_TOPIC);
    if (figures.equals(articles)) {
      add(problems, ARTICLES_TOPIC, "must differ from " + FIGURES_TOPIC + " ('" + figures + "')");
    }
    String regex = props.get(SinkTask.TOPICS_REGEX_CONFIG);
    if (regex != null && !regex.isBlank()) {
      add(
          problems,
          SinkTask.TOPICS_REGEX_CONFIG,
          "is not supported by the dataset sink: set '"
              + SinkConnector.TOPICS_CONFIG
              + "' to exactly "
              + figures
              + ","
              + articles);
    }
    Set<String> topics = new TreeSet<>();
    for (String t : props.getOrDefault(SinkConnector.TOPICS_CONFIG, "").split(",")) {
      if (!t.isBlank()) {
        topics.add(t.trim());
      }
    }
    Set<String> expected = new TreeSet<>(List.of(figures, articles));
    if (!topics.equals(expected)) {
      add(
          problems,
          SinkConnector.TOPICS_CONFIG,
          "must be exactly the figures and articles topics "
              + String.join(",", expected)
              + " (set by "
              + FIGURES_TOPIC
              + " and "
              + ARTICLES_TOPIC
              + "), not "
              + (topics.isEmpty() ? "empty" : String.join(",", topics)));
    }
    String value = props.get("value.converter");
    if (value != null && !value.trim().equals(BYTE_ARRAY_CONVERTER)) {
      add(
          problems,
          "value.converter",
          "must be "
              + BYTE_ARRAY_CONVERTER
              + ": the sink decodes the Avro "
              + "single-object bytes itself, not "
              + value);
    }
    String key = props.get("key.converter");
    if (key != null
        && !Arrays.asList(STRING_CONVERTER, BYTE_ARRAY_CONVERTER).contains(key.trim())) {
      add(
          problems,
          "key.converter",
          "must be "
              + STRING_CONVERTER
              + " (keys are pair ids and PMCIDs; "
              + BYTE_ARRAY_CONVERTER
              + " is read as UTF-8), not "
              + key);
    }
    return problems;
  }

  private static String valueOrDefault(Map<String, String> props, String key) {
    String value = props.get(key);
    return value != null
        ? value.trim()
        : String.valueOf(CONFIG_DEF.configKeys().get(key).defaultValue);
  }

  private static void add(Map<String, List<String>> problems, String key, String message) {
    problems.computeIfAbsent(key, k -> new ArrayList<>()).add(key + " " + message);
  }
}
