package org.figstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The dataset sink on Kafka Connect: the shipped plugin archive and connector configuration. */
class ConnectChartTest {
  static final java.util.List<String> STRIMZI_VARIANTS = TopicsChartTest.STRIMZI_VARIANTS;

  static final Path SINK = Path.of("..", "connectors", "sink");

  /** What the archive ships as its example (docs/kafka-connect.md). */
  static Properties shippedConnector() throws IOException {
    Properties p = new Properties();
    Path file = SINK.resolve("src/assembly/component/etc/figstream-dataset-sink.properties");
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    return p;
  }

  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldRunTheShippedConnectorConfigWithTheDatasetOnTheVolume(String variant)
      throws IOException {
    RenderedChart chart = RenderedChart.of(variant);
    JsonNode connector = chart.only("KafkaConnector");
    Properties shipped = shippedConnector();
    String mountPath = chart.values.at("/connect/dataset/mountPath").asText();

    assertThat(connector.at("/metadata/name").asText()).isEqualTo(shipped.getProperty("name"));
    assertThat(connector.at("/spec/class").asText())
        .isEqualTo(shipped.getProperty("connector.class"));
    assertThat(connector.at("/spec/tasksMax").asText()).isEqualTo(shipped.getProperty("tasks.max"));
    Map<String, String> expected = new TreeMap<>();
    shipped.stringPropertyNames().forEach(k -> expected.put(k, shipped.getProperty(k)));
    expected.remove("name");
    expected.remove("connector.class");
    expected.remove("tasks.max");
    // the two the chart changes: the worker's volume, and the cluster's replication
    expected.put("dataset.dir", mountPath + "/dataset");
    expected.put("errors.deadletterqueue.topic.replication.factor", "3");
    Map<String, String> rendered = new TreeMap<>();
    connector
        .at("/spec/config")
        .fields()
        .forEachRemaining(e -> rendered.put(e.getKey(), e.getValue().asText()));
    assertThat(rendered).isEqualTo(expected);

    JsonNode connect = chart.only("KafkaConnect");
    assertThat(connector.at("/metadata/labels/strimzi.io~1cluster").asText())
        .isEqualTo(connect.at("/metadata/name").asText());
    assertThat(connect.at("/spec/template/connectContainer/volumeMounts/0/mountPath").asText())
        .isEqualTo(mountPath);
    assertThat(connect.at("/spec/template/pod/volumes/0/persistentVolumeClaim/claimName").asText())
        .isEqualTo(chart.only("PersistentVolumeClaim").at("/metadata/name").asText());
  }

  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldBuildTheWorkerFromTheConfluentHubArchiveOrUseTheGivenImage(String variant)
      throws IOException {
    // the coordinates org.figstream:figstream-sink:zip:confluent-hub, as the sink's build attaches
    // them
    assertThat(Files.readString(SINK.resolve("pom.xml")))
        .contains("<artifactId>figstream-sink</artifactId>");
    assertThat(Files.readString(SINK.resolve("src/assembly/confluent-hub.xml")))
        .contains("<id>confluent-hub</id>")
        .contains("<format>zip</format>");
    RenderedChart chart = RenderedChart.of(variant);
    JsonNode connect = chart.only("KafkaConnect");

    if (chart.values.at("/connect/image").asText().isEmpty()) {
      JsonNode artifact = connect.at("/spec/build/plugins/0/artifacts/0");
      assertThat(artifact.path("type").asText()).isEqualTo("zip");
      // org.figstream:figstream-sink:zip:confluent-hub in a Maven repository's layout
      assertThat(artifact.path("url").asText())
          .isEqualTo(
              "https://maven.example.org/releases/org/figstream/figstream-sink/0.1.0/"
                  + "figstream-sink-0.1.0-confluent-hub.zip");
    } else {
      assertThat(connect.at("/spec/image").asText())
          .isEqualTo(chart.values.at("/connect/image").asText());
      assertThat(connect.at("/spec").has("build")).isFalse();
    }
  }

  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldGrantTheWorkerOnlyReadsOfTheSinksTopicsAndItsOwnGroups(String variant)
      throws IOException {
    RenderedChart chart = RenderedChart.of(variant);
    JsonNode user =
        chart.ofKind("KafkaUser").stream()
            .filter(u -> u.at("/metadata/name").asText().endsWith("-connect"))
            .findFirst()
            .orElseThrow();
    String worker = chart.connectSetting("group.id");
    Properties shipped = shippedConnector();

    assertThat(KafkaUserChartTest.resources(user))
        .containsExactlyInAnyOrder(
            "topic literal figures",
            "topic literal articles",
            "topic literal " + shipped.getProperty("errors.deadletterqueue.topic.name"),
            "topic prefix " + worker + "-",
            "group literal " + worker,
            // a sink connector's consumer group is connect-<connector name>
            "group literal connect-" + shipped.getProperty("name"));
    assertThat(shipped.getProperty("topics")).isEqualTo("figures,articles");
    for (String topic :
        List.of("offset.storage.topic", "config.storage.topic", "status.storage.topic")) {
      assertThat(chart.connectSetting(topic)).startsWith(worker + "-");
    }
  }
}
