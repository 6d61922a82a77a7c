package org.figstream.connectors.sink.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.figstream.connectors.sink.SinkSettings;

/**
 * The Kafka Connect configuration of the dataset sink: one key per {@link SinkSettings} field, each
 * declared once ({@link DatasetSinkConfigDef}) with its documentation (the REST API's {@code
 * /connector-plugins/.../config} shows it). {@link #problems} checks what spans several keys,
 * Connect's own included ({@link DatasetSinkConfigProblems}).
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

  public static final ConfigDef CONFIG_DEF = DatasetSinkConfigDef.define();

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
    return DatasetSinkConfigProblems.of(props);
  }
}
