package org.figstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every rendered object against its kind's schema (ObjectSchemas says where they come from). */
class SchemaChartTest {
  static final List<String> VARIANTS = RenderedChart.VARIANTS;

  @ParameterizedTest
  @FieldSource("VARIANTS")
  void shouldRenderOnlyObjectsTheirSchemasAccept(String variant) {
    RenderedChart chart = RenderedChart.of(variant);

    List<String> errors = new java.util.ArrayList<>();
    for (JsonNode o : chart.objects) {
      String name = o.path("kind").asText() + " " + o.at("/metadata/name").asText();
      ObjectSchemas.errors(o).forEach(e -> errors.add(name + ": " + e));
    }
    assertThat(errors).isEmpty();
  }

  /** The schemas have teeth: a misplaced key and a wrong type are caught. */
  @Test
  void shouldRejectAnUnknownFieldAndAWrongType() {
    ObjectNode statefulSet = RenderedChart.of("cpu").statefulSet().deepCopy();
    ((ObjectNode) statefulSet.at("/spec/template/spec/containers/0")).put("livenessProbes", "x");
    ObjectNode topic = RenderedChart.of("cpu").ofKind("KafkaTopic").get(0).deepCopy();
    ((ObjectNode) topic.path("spec")).put("partitions", "twelve");
    ObjectNode user = RenderedChart.of("cpu").ofKind("KafkaUser").get(0).deepCopy();
    ((ObjectNode) user.at("/spec/authentication")).put("type", "plain");

    assertThat(ObjectSchemas.errors(statefulSet))
        .singleElement()
        .asString()
        .contains("livenessProbes");
    assertThat(ObjectSchemas.errors(topic)).isNotEmpty();
    assertThat(ObjectSchemas.errors(user)).isNotEmpty();
    assertThat(ObjectSchemas.errors(RenderedChart.of("cpu").statefulSet())).isEmpty();
  }

  @Test
  void shouldHaveASchemaForEveryKindRendered() {
    for (String variant : VARIANTS) {
      for (JsonNode o : RenderedChart.of(variant).objects) {
        String key = o.path("apiVersion").asText() + "/" + o.path("kind").asText();
        Assumptions.assumeTrue(
            !key.startsWith("kafka.strimzi.io/v1/") || StrimziV1Crds.available(),
            "no Java 21 or later to run Strimzi 1.2.0's CRD generator");
        assertThat(ObjectSchemas.all()).containsKey(key);
      }
    }
  }
}
