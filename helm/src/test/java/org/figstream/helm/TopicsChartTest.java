package org.figstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.topology.TopicSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The KafkaTopics against TopicSetup and KafkaCursorStore, which create the same topics. */
class TopicsChartTest {
  static final List<String> STRIMZI_VARIANTS =
      List.of("cpu", "gpu", "scram", "tls", "strimzi-v1beta2");

  /** Every topic the app creates when it may: the pipeline's, and the feed's cursor. */
  static List<String> appTopics() {
    List<String> topics = new ArrayList<>(TopicSetup.TOPICS);
    topics.add(KafkaCursorStore.TOPIC);
    return topics;
  }

  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldDeclareEveryTopicTheAppUsesUnderItsName(String variant) {
    RenderedChart chart = RenderedChart.of(variant);

    assertThat(chart.ofKind("KafkaTopic"))
        .extracting(t -> t.at("/spec/topicName").asText())
        .containsExactlyInAnyOrderElementsOf(appTopics());
    assertThat(chart.ofKind("KafkaTopic"))
        .allSatisfy(
            t -> {
              assertThat(t.at("/metadata/name").asText())
                  .isEqualTo(t.at("/spec/topicName").asText());
              assertThat(t.at("/metadata/labels/strimzi.io~1cluster").asText())
                  .isEqualTo(chart.values.at("/strimzi/cluster").asText());
            });
  }

  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldConfigureThePipelineTopicsAsTopicSetupDoes(String variant) {
    RenderedChart chart = RenderedChart.of(variant);

    for (String name : TopicSetup.TOPICS) {
      JsonNode config = topic(chart, name).at("/spec/config");
      Map<String, String> code = TopicSetup.configs(name);
      assertThat(config.path(TopicConfig.CLEANUP_POLICY_CONFIG).asText())
          .as(name)
          .isEqualTo(
              code.getOrDefault(
                  TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
      assertThat(config.path(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).asText(null))
          .as(name)
          .isEqualTo(code.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
      // not compacted: kept for the retention value, an integer (Helm's float64 would print
      // 6.048e+08)
      JsonNode retention = config.path(TopicConfig.RETENTION_MS_CONFIG);
      if (code.containsKey(TopicConfig.CLEANUP_POLICY_CONFIG)) {
        assertThat(retention.isMissingNode()).as(name).isTrue();
      } else {
        assertThat(retention.isIntegralNumber()).as("%s: %s", name, retention).isTrue();
        assertThat(retention.asLong()).isEqualTo(604800000L);
      }
      // topics.partitions 12, topics.dedupPartitions 1: as the app would create them
      assertThat(topic(chart, name).at("/spec/partitions").asInt())
          .as(name)
          .isEqualTo(TopicSetup.partitions(name, 12, 1));
      assertThat(topic(chart, name).at("/spec/replicas").asInt()).isEqualTo(3);
    }
    assertThat(topic(chart, "figures").at("/spec/config/max.message.bytes").asInt())
        .isEqualTo(TopicSetup.MAX_MESSAGE_BYTES);
  }

  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldKeepTheFeedCursorOnOneCompactedPartition(String variant) {
    // KafkaCursorStore.createTopic: 1 partition, cleanup.policy=compact; it reads partition 0 only
    JsonNode cursor = topic(RenderedChart.of(variant), KafkaCursorStore.TOPIC);

    assertThat(cursor.at("/spec/partitions").asInt()).isEqualTo(1);
    assertThat(cursor.at("/spec/config/cleanup.policy").asText()).isEqualTo("compact");
    assertThat(cursor.at("/spec/config").has("retention.ms")).isFalse();
  }

  static JsonNode topic(RenderedChart chart, String name) {
    return chart.ofKind("KafkaTopic").stream()
        .filter(t -> t.at("/spec/topicName").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no KafkaTopic " + name + " in " + chart.variant));
  }
}
