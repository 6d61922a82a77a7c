package org.figstream.connectors.sink.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.figstream.connectors.sink.SinkSettings;
import org.junit.jupiter.api.Test;

/**
 * The connector's configuration: every SinkSettings field from its key, and what spans keys refused
 * clearly.
 */
class DatasetSinkConfigTest {

  static Map<String, String> valid() {
    Map<String, String> props = new HashMap<>();
    props.put("name", "figstream-dataset");
    props.put("connector.class", DatasetSinkConnector.class.getName());
    props.put("topics", "figures,articles");
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    props.put("consumer.override.isolation.level", "read_committed");
    props.put("dataset.dir", Path.of("/data/figstream/dataset").toAbsolutePath().toString());
    return props;
  }

  private static Map<String, List<String>> errors(Map<String, String> props) {
    return new DatasetSinkConnector()
        .validate(props).configValues().stream()
            .filter(v -> !v.errorMessages().isEmpty())
            .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
  }

  @Test
  void shouldAcceptTheReadmeExampleAndDefaultToSinkSettingsDefaults() {
    assertThat(errors(valid())).isEmpty();
    SinkSettings s = new DatasetSinkConfig(valid()).settings();
    SinkSettings defaults = SinkSettings.defaults(Path.of("/data/figstream/dataset"));
    assertThat(s).isEqualTo(defaults);
    assertThat(s.compactInterval()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldMapEveryKeyToItsSinkSettingsField() {
    Map<String, String> props = valid();
    props.put("topics", "f2,a2");
    props.put("figures.topic", "f2");
    props.put("articles.topic", "a2");
    props.put("shard.max.bytes", "1000");
    props.put("shard.max.rows", "10");
    props.put("shard.max.age.ms", "500");
    props.put("row.group.bytes", "2000");
    props.put("compact.threshold", "0.5");
    props.put("compact.interval.ms", "0");
    props.put("webdataset.enabled", "true");
    props.put("webdataset.samples", "7");
    assertThat(errors(props)).isEmpty();
    DatasetSinkConfig config = new DatasetSinkConfig(props);
    assertThat(config.settings())
        .isEqualTo(
            new SinkSettings(
                Path.of("/data/figstream/dataset"),
                "f2",
                "a2",
                1000,
                10,
                Duration.ofMillis(500),
                2000,
                0.5,
                Duration.ZERO,
                true,
                7));
    assertThat(DatasetSinkConfig.CONFIG_DEF.names())
        .containsExactlyInAnyOrder(
            "dataset.dir",
            "figures.topic",
            "articles.topic",
            "shard.max.bytes",
            "shard.max.rows",
            "shard.max.age.ms",
            "row.group.bytes",
            "compact.threshold",
            "compact.interval.ms",
            "webdataset.enabled",
            "webdataset.samples");
    DatasetSinkConfig.CONFIG_DEF
        .configKeys()
        .values()
        .forEach(k -> assertThat(k.documentation).as(k.name).isNotBlank());
  }

  @Test
  void shouldRefuseTopicsThatAreNotExactlyTheFiguresAndArticlesTopics() {
    Map<String, String> props = valid();
    props.put("topics", "figures");
    assertThat(errors(props).get("topics"))
        .singleElement()
        .asString()
        .contains("must be exactly the figures and articles topics articles,figures")
        .contains("not figures");
    props.put("topics", "figures,articles,dlq");
    assertThat(errors(props)).containsKey("topics");
    props.put("topics", " articles , figures ");
    assertThat(errors(props)).isEmpty();
    props.remove("topics");
    props.put("topics.regex", "fig.*|articles");
    assertThat(errors(props)).containsKeys("topics", "topics.regex");
    props = valid();
    props.put("articles.topic", "figures");
    assertThat(errors(props)).containsKey("articles.topic");
  }

  @Test
  void shouldRefuseARelativeDirectoryAndConvertersThatDoNotPassBytes() {
    Map<String, String> props = valid();
    props.put("dataset.dir", "dataset");
    props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    Map<String, List<String>> errors = errors(props);
    assertThat(errors.get("dataset.dir"))
        .singleElement()
        .asString()
        .contains("must be an absolute path");
    assertThat(errors.get("value.converter"))
        .singleElement()
        .asString()
        .contains("must be org.apache.kafka.connect.converters.ByteArrayConverter");
    assertThat(errors).containsKey("key.converter");
    props.remove("dataset.dir");
    assertThat(errors(props).get("dataset.dir"))
        .singleElement()
        .asString()
        .contains("Missing required");
    props.put("shard.max.age.ms", "0");
    assertThat(errors(props)).containsKey("shard.max.age.ms");
  }

  @Test
  void shouldStartOneTaskWhateverTasksMaxAndRefuseToStartOnABadConfiguration() {
    DatasetSinkConnector connector = new DatasetSinkConnector();
    connector.start(valid());
    assertThat(connector.taskClass()).isEqualTo(DatasetSinkTask.class);
    assertThat(connector.taskConfigs(8)).containsExactly(valid());
    Map<String, String> bad = valid();
    bad.put("topics", "figures");
    assertThatThrownBy(() -> new DatasetSinkConnector().start(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topics must be exactly the figures and articles topics");
  }
}
