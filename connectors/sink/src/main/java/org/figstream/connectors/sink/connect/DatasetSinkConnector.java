package org.figstream.connectors.sink.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect sink that keeps a figstream dataset directory (Parquet shards of {@code figures}
 * and {@code articles}, delete files, {@code _manifest.json}, the dataset card) equal to the two
 * topics, as {@code figstream run} does in-process. See {@link DatasetSinkTask} for how offsets and
 * the manifest relate, and {@link DatasetSinkConfig} for the keys.
 *
 * <p><b>One task, whatever {@code tasks.max} says.</b> {@link #taskConfigs} returns a single
 * configuration: a dataset directory has one manifest, and the manifest has one writer. Every
 * commit rewrites it with the new shards and the positions of every partition; two tasks on one
 * directory would each replace the other's manifest (losing its shards and positions), and
 * splitting the partitions between directories would split a table whose rows supersede each other
 * by key across partitions' files. To spread load, run one connector per dataset directory. Two
 * writers that do reach one directory anyway (two connectors configured with it, a task's zombie on
 * another worker) are stopped by the dataset itself: the second cannot take the folder's lock, and
 * a manifest built on a generation another writer moved past is refused (see DatasetSink).
 */
public final class DatasetSinkConnector extends SinkConnector {
  private static final Logger log = LoggerFactory.getLogger(DatasetSinkConnector.class);
  private Map<String, String> props;

  @Override
  public String version() {
    return Versions.of(DatasetSinkConnector.class);
  }

  @Override
  public void start(Map<String, String> props) {
    new DatasetSinkConfig(props);
    Map<String, List<String>> problems = DatasetSinkConfig.problems(props);
    if (!problems.isEmpty()) {
      throw new ConfigException(
          "figstream dataset sink: "
              + String.join("; ", problems.values().stream().flatMap(List::stream).toList()));
    }
    if (!"read_committed".equals(props.get("consumer.override.isolation.level"))) {
      log.warn(
          "figstream dataset sink {}: consumer.override.isolation.level is not read_committed; figstream "
              + "writes its topics in transactions, so unless the worker sets consumer.isolation.level=read_committed "
              + "the dataset may take in records of aborted transactions",
          props.get("name"));
    }
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return DatasetSinkTask.class;
  }

  /**
   * One configuration, never {@code maxTasks}: the dataset's manifest has a single writer (class
   * javadoc).
   */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    if (maxTasks > 1) {
      log.warn(
          "figstream dataset sink {}: tasks.max is {}, but one task writes a dataset directory",
          props.get("name"),
          maxTasks);
    }
    return List.of(props);
  }

  @Override
  public void stop() {
    // nothing held: the task owns the dataset
  }

  @Override
  public ConfigDef config() {
    return DatasetSinkConfig.CONFIG_DEF;
  }

  /**
   * Single keys through the {@link ConfigDef}, then what spans keys ({@link
   * DatasetSinkConfig#problems}).
   */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    List<ConfigValue> values = new ArrayList<>(super.validate(connectorConfigs).configValues());
    DatasetSinkConfig.problems(connectorConfigs)
        .forEach(
            (key, messages) -> {
              ConfigValue value =
                  values.stream()
                      .filter(v -> v.name().equals(key))
                      .findFirst()
                      .orElseGet(
                          () -> {
                            // one of Connect's own keys (topics, converters): the herder renders
                            // its value with that key's type,
                            // so the value stays null and only the message is added
                            ConfigValue added = new ConfigValue(key);
                            values.add(added);
                            return added;
                          });
              messages.forEach(value::addErrorMessage);
            });
    return new Config(values);
  }
}
