package org.figstream.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.figstream.connectors.feed.discovery.FeedLeadership;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.runtime.AnnouncedPmids;
import org.figstream.runtime.Pipeline;
import org.figstream.topology.enrich.EnrichmentStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The app's KafkaUser: exactly the topics, groups and transactional ids the code uses. */
class KafkaUserChartTest {
  static final List<String> STRIMZI_VARIANTS = TopicsChartTest.STRIMZI_VARIANTS;

  /** Streams names its internal topics and transactional ids <application.id>-... */
  static final String PREFIX = Pipeline.APPLICATION_ID + "-";

  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldGrantExactlyTheAppsTopicsGroupsAndTransactionalIds(String variant) {
    JsonNode user = appUser(RenderedChart.of(variant));
    Set<String> expected = new HashSet<>();
    for (String topic : TopicsChartTest.appTopics()) {
      expected.add(topic.startsWith(PREFIX) ? "topic prefix " + PREFIX : "topic literal " + topic);
    }
    expected.add("group literal " + Pipeline.APPLICATION_ID);
    expected.add("group literal " + EnrichmentStage.GROUP);
    // FeedLeadership: the feed's leader election, one group per feed ("figstream-feed-<feed id>")
    expected.add("group prefix " + FeedLeadership.GROUP_PREFIX);
    // AnnouncedPmids: the PubMed lookup's offsets, a group of its own
    expected.add("group literal " + AnnouncedPmids.GROUP);
    expected.add("transactionalId prefix " + PREFIX);

    assertThat(resources(user)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");
  }

  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldCoverTheTransactionalIdsTheAppOpens(String variant) {
    JsonNode transactional = acl(appUser(RenderedChart.of(variant)), "transactionalId");

    // EnrichmentStage: "figstream-enrichment-" + --instance-id (the pod name); the feed's cursor
    // store: "figstream-feed-<feed id>"
    assertThat(EnrichmentStage.GROUP + "-" + RenderedChart.POD)
        .startsWith(transactional.at("/resource/name").asText());
    assertThat(KafkaCursorStore.TRANSACTIONAL_ID_PREFIX + "sample")
        .startsWith(transactional.at("/resource/name").asText());
    assertThat(operations(transactional)).containsExactlyInAnyOrder("Describe", "Write");
    assertThat(operations(acl(appUser(RenderedChart.of(variant)), "group")))
        .containsExactlyInAnyOrder("Describe", "Read");
  }

  @ParameterizedTest
  @FieldSource("STRIMZI_VARIANTS")
  void shouldAuthenticateAsTheValuesSay(String variant) {
    RenderedChart chart = RenderedChart.of(variant);
    String user = appUser(chart).at("/metadata/name").asText();
    String auth = chart.values.at("/strimzi/authentication").asText();
    String caSecret = chart.values.at("/strimzi/cluster").asText() + "-cluster-ca-cert";

    assertThat(appUser(chart).at("/spec/authentication/type").asText()).isEqualTo(auth);
    assertThat(chart.env())
        .containsEntry("KAFKA_SSL_TRUSTSTORE_PASSWORD", "secret:" + caSecret + "/ca.password");
    assertThat(secretVolumes(chart)).contains(caSecret);
    if (auth.equals("tls")) {
      assertThat(chart.env())
          .containsEntry("KAFKA_SECURITY_PROTOCOL", "SSL")
          .containsEntry("KAFKA_SSL_KEYSTORE_PASSWORD", "secret:" + user + "/user.password");
      assertThat(secretVolumes(chart)).contains(user);
    } else {
      assertThat(chart.env())
          .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
          .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
          .containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret:" + user + "/sasl.jaas.config");
      assertThat(secretVolumes(chart)).doesNotContain(user);
    }
  }

  static JsonNode appUser(RenderedChart chart) {
    return chart.ofKind("KafkaUser").stream()
        .filter(u -> u.at("/metadata/name").asText().equals(RenderedChart.RELEASE))
        .findFirst()
        .orElseThrow();
  }

  /** "type patternType name" of each ACL, each once. */
  static List<String> resources(JsonNode user) {
    return streamAcls(user)
        .map(
            a -> {
              JsonNode r = a.path("resource");
              return r.path("type").asText()
                  + " "
                  + r.path("patternType").asText()
                  + " "
                  + r.path("name").asText();
            })
        .toList();
  }

  static java.util.stream.Stream<JsonNode> streamAcls(JsonNode user) {
    return java.util.stream.StreamSupport.stream(
        user.at("/spec/authorization/acls").spliterator(), false);
  }

  static List<String> operations(JsonNode acl) {
    List<String> ops = new java.util.ArrayList<>();
    acl.path("operations").forEach(o -> ops.add(o.asText()));
    return ops;
  }

  private static JsonNode acl(JsonNode user, String type) {
    return streamAcls(user)
        .filter(a -> a.at("/resource/type").asText().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> secretVolumes(RenderedChart chart) {
    List<String> secrets = new java.util.ArrayList<>();
    chart.pod().path("volumes").forEach(v -> secrets.add(v.at("/secret/secretName").asText()));
    return secrets;
  }
}
