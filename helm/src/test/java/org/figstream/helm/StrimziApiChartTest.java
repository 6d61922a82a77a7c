package org.figstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * strimzi.apiVersion: kafka.strimzi.io/v1 by default (Strimzi 0.49+, 1.x), v1beta2 for 0.46-0.48,
 * and what differs between the two for the chart's objects (io.strimzi:api 1.2.0 against 0.45.0).
 */
class StrimziApiChartTest {
  static final List<String> STRIMZI_VARIANTS = TopicsChartTest.STRIMZI_VARIANTS;

  static final List<String> KINDS =
      List.of("KafkaTopic", "KafkaUser", "KafkaConnect", "KafkaConnector");

  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldWriteEveryStrimziObjectInTheChosenApiVersion(String variant) {
    RenderedChart chart = RenderedChart.of(variant);
    String expected =
        variant.equals("strimzi-v1beta2") ? "kafka.strimzi.io/v1beta2" : "kafka.strimzi.io/v1";

    List<JsonNode> strimzi =
        chart.objects.stream().filter(o -> KINDS.contains(o.path("kind").asText())).toList();
    // 9 topics, the app's and the worker's users, the worker, the connector
    assertThat(strimzi).hasSize(13);
    assertThat(strimzi).extracting(o -> o.path("apiVersion").asText()).containsOnly(expected);
  }

  @Test
  void shouldDefaultToV1() {
    assertThat(RenderedChart.of("cpu").strimziApi()).isEqualTo("v1");
  }

  /** v1 requires these four as fields of the spec and forbids them in config. */
  @Test
  void shouldNameTheWorkersGroupAndTopicsInTheSpecOnV1() {
    JsonNode spec = RenderedChart.of("cpu").only("KafkaConnect").path("spec");

    assertThat(spec.path("groupId").asText()).isEqualTo("figstream-connect");
    assertThat(spec.path("configStorageTopic").asText()).isEqualTo("figstream-connect-configs");
    assertThat(spec.path("offsetStorageTopic").asText()).isEqualTo("figstream-connect-offsets");
    assertThat(spec.path("statusStorageTopic").asText()).isEqualTo("figstream-connect-status");
    assertThat(spec.path("replicas").asInt()).isEqualTo(1);
    assertThat(config(spec))
        .isEqualTo(
            Map.of(
                "config.storage.replication.factor", "-1",
                "offset.storage.replication.factor", "-1",
                "status.storage.replication.factor", "-1"));
  }

  @Test
  void shouldKeepTheWorkersGroupAndTopicsInConfigOnV1beta2() {
    JsonNode spec = RenderedChart.of("strimzi-v1beta2").only("KafkaConnect").path("spec");

    assertThat(spec.has("groupId")).isFalse();
    assertThat(spec.has("configStorageTopic")).isFalse();
    assertThat(spec.has("offsetStorageTopic")).isFalse();
    assertThat(spec.has("statusStorageTopic")).isFalse();
    assertThat(config(spec))
        .isEqualTo(
            Map.of(
                "group.id", "figstream-connect",
                "config.storage.topic", "figstream-connect-configs",
                "offset.storage.topic", "figstream-connect-offsets",
                "status.storage.topic", "figstream-connect-status",
                "config.storage.replication.factor", "-1",
                "offset.storage.replication.factor", "-1",
                "status.storage.replication.factor", "-1"));
  }

  /** v1 requires operations on each ACL and has no single operation; v1beta2 takes the list too. */
  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldListTheOperationsOfEveryAcl(String variant) {
    List<JsonNode> acls =
        RenderedChart.of(variant).ofKind("KafkaUser").stream()
            .flatMap(KafkaUserChartTest::streamAcls)
            .toList();

    assertThat(acls).hasSize(17);
    assertThat(acls)
        .allSatisfy(
            a -> {
              assertThat(a.has("operation")).isFalse();
              assertThat(a.path("operations").isArray()).isTrue();
              assertThat(a.path("operations")).isNotEmpty();
            });
  }

  /**
   * Each API version is checked against its own schemas: the v1 worker without its groupId fails
   * v1, and with its v1 fields fails v1beta2 (0.45 knows no groupId).
   */
  @Test
  void shouldCheckEachVersionAgainstItsOwnSchema() {
    JsonNode connect = RenderedChart.of("cpu").only("KafkaConnect");
    ObjectNode noGroup = connect.deepCopy();
    ((ObjectNode) noGroup.path("spec")).remove("groupId");
    ObjectNode asV1beta2 = connect.deepCopy();
    asV1beta2.put("apiVersion", "kafka.strimzi.io/v1beta2");

    assertThat(ObjectSchemas.errors(connect)).isEmpty();
    assertThat(ObjectSchemas.errors(noGroup)).singleElement().asString().contains("groupId");
    assertThat(ObjectSchemas.errors(asV1beta2)).isNotEmpty().anyMatch(e -> e.contains("groupId"));
    assertThat(ObjectSchemas.errors(RenderedChart.of("strimzi-v1beta2").only("KafkaConnect")))
        .isEmpty();
  }

  private static Map<String, String> config(JsonNode spec) {
    Map<String, String> config = new TreeMap<>();
    spec.path("config")
        .fields()
        .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
    return config;
  }
}
