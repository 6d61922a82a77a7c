package org.figstream.connectors.sink.connect;

import static org.figstream.connectors.sink.connect.DatasetSinkConfig.ARTICLES_TOPIC;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.BYTE_ARRAY_CONVERTER;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.CONFIG_DEF;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.DATASET_DIR;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.FIGURES_TOPIC;
import static org.figstream.connectors.sink.connect.DatasetSinkConfig.STRING_CONVERTER;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * The checks of {@link DatasetSinkConfig#problems}: what is wrong with a connector configuration
 * beyond single keys, Connect's own keys included.
 */
final class DatasetSinkConfigProblems {
  private DatasetSinkConfigProblems() {}

  static Map<String, List<String>> of(Map<String, String> props) {
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
