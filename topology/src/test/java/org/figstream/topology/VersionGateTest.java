package org.figstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.figstream.topology.TopologyFixture.removal;
import static org.figstream.topology.TopologyFixture.version;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.figstream.records.Announcement;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.Topics;
import org.figstream.state.GateState;
import org.figstream.topology.enrich.Withdrawals;
import org.figstream.topology.gate.GateRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every case of the version gate, through the topology with its RocksDB store. */
class VersionGateTest {
  @TempDir Path state;

  @Test
  void shouldPassANewVersionAndDropItsReplay() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.announce(version("PMC1", 1, "e1", false));
      t.announce(version("PMC1", 1, "e1", false));

      assertThat(t.toEnrich.readKeyValuesToList())
          .extracting(kv -> kv.key + "." + kv.value.version())
          .containsExactly("PMC1.1");
    }
  }

  @Test
  void shouldPassAReplayedVersionOncePerReplayButNeverAnOlderOrWithdrawnOne() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.announce(version("PMC1", 1, "e1", false));
      t.announce(version("PMC1", 1, "e1", false)); // the feed's replay: dropped
      t.replay(version("PMC1", 1, "e1", false), "http-404"); // a dead letter's replay: through
      t.replay(version("PMC1", 1, "e1", false), "http-404"); // replayed again: through again
      t.announce(version("PMC2", 1, "a1", false));
      t.announce(version("PMC2", 2, "a2", false));
      t.replay(version("PMC2", 1, "a1", false), "http-404"); // superseded since: dropped
      t.announce(version("PMC3", 1, "r1", false));
      t.announce(version("PMC3", 1, "r2", true));
      t.replay(version("PMC3", 1, "r1", false), "http-404"); // retracted since: dropped
      t.replay(version("PMC4", 1, "n1", false), "extract"); // never seen: a new version

      assertThat(t.toEnrich.readValuesToList())
          .extracting(a -> a.pmcid() + "." + a.version() + "." + a.etag())
          .containsExactly(
              "PMC1.1.e1",
              "PMC1.1.e1",
              "PMC1.1.e1",
              "PMC2.1.a1",
              "PMC2.2.a2",
              "PMC3.1.r1",
              "PMC3.1.r2", // its retraction: a withdrawal, through the stage too
              "PMC4.1.n1");
    }
  }

  @Test
  void shouldPassTheLatestVersionAgainWhenItsFilesChanged() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.announce(version("PMC1", 1, "e1", false));
      t.announce(version("PMC1", 1, "e2", false));

      assertThat(t.toEnrich.readValuesToList())
          .extracting(a -> a.etag())
          .containsExactly("e1", "e2");
    }
  }

  @Test
  void shouldPassANewerVersionAndDropAnOlderOne() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.announce(version("PMC1", 1, "e1", false));
      t.announce(version("PMC1", 3, "e3", false));
      t.announce(version("PMC1", 2, "e2", false));

      assertThat(t.toEnrich.readValuesToList()).extracting(a -> a.version()).containsExactly(1, 3);
    }
  }

  @Test
  void shouldWithdrawARetractedArticleOnceThroughTheEnrichmentStage() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.announce(version("PMC1", 1, "e1", false));
      t.announce(version("PMC1", 1, "e2", true));
      t.announce(version("PMC1", 1, "e2", true));

      // the withdrawal follows the version before it on the requests topic, never skips ahead
      List<Announcement> requests = t.toEnrich.readValuesToList();
      assertThat(requests)
          .extracting(a -> a.etag() + "." + a.withdraws())
          .containsExactly("e1.false", "e2.true");
      assertThat(Withdrawals.of(requests.get(1)).enriched())
          .isEqualTo(EnrichedArticle.withdrawal("PMC1", 1, "retracted"));
      assertThat(t.figures.isEmpty()).isTrue(); // nothing reaches the ledger but via the stage
    }
  }

  @Test
  void shouldWithdrawOnlyWhenTheLatestVersionIsRemoved() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.announce(version("PMC1", 1, "e1", false));
      t.announce(version("PMC1", 2, "e2", false));
      t.announce(removal("PMC1", 1));
      assertThat(t.toEnrich.readValuesToList()).noneMatch(Announcement::withdraws);

      t.announce(removal("PMC1", 2));
      t.announce(removal("PMC2", 1)); // never seen: nothing to withdraw

      assertThat(t.toEnrich.readValuesToList())
          .singleElement()
          .satisfies(
              a ->
                  assertThat(Withdrawals.of(a).enriched())
                      .isEqualTo(EnrichedArticle.withdrawal("PMC1", 2, "removed")));
    }
  }

  /**
   * The stage tells a withdrawal request by {@link Announcement#withdraws()} alone: every verdict
   * for every kind of announcement against every kind of state, replayed or not.
   */
  @Test
  void shouldNeverEnrichAnAnnouncementThatWithdrawsNorWithdrawOneThatDoesNot() {
    List<GateState> states = new ArrayList<>();
    states.add(null);
    for (int v = 1; v <= 3; v++) {
      for (String etag : new String[] {"e1", "e2", null}) {
        states.add(new GateState(v, etag, false));
        states.add(new GateState(v, etag, true));
      }
    }
    int decided = 0;
    for (GateState seen : states) {
      for (int v = 1; v <= 3; v++) {
        for (String etag : new String[] {"e1", "e2", null}) {
          for (Announcement a :
              List.of(
                  version("PMC1", v, etag, false),
                  version("PMC1", v, etag, true),
                  removal("PMC1", v))) {
            for (boolean replay : new boolean[] {false, true}) {
              GateRule.Verdict verdict = GateRule.decide(seen, a, replay);
              if (verdict == GateRule.Verdict.ENRICH) {
                assertThat(a.withdraws()).as("%s %s %s", seen, a, replay).isFalse();
              } else if (verdict == GateRule.Verdict.WITHDRAW) {
                assertThat(a.withdraws()).as("%s %s %s", seen, a, replay).isTrue();
              }
              decided++;
            }
          }
        }
      }
    }
    assertThat(decided).isEqualTo(19 * 3 * 3 * 3 * 2);
  }

  @Test
  void shouldSendAnUndecodableAnnouncementToTheDeadLetterTopicAndGoOn() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      var raw =
          t.driver.createInputTopic(
              Topics.ARTICLE_VERSIONS,
              new org.apache.kafka.common.serialization.StringSerializer(),
              new org.apache.kafka.common.serialization.StringSerializer());
      raw.pipeInput("PMC7", "{\"pmcid\":\"PMC7\"} written as JSON by another producer");
      t.versions.pipeInput("PMC1", version("PMC1", 1, "e1", false));

      var dlq =
          t.driver
              .createOutputTopic(
                  Topics.DLQ,
                  new org.apache.kafka.common.serialization.StringDeserializer(),
                  org.figstream.topology.schema.TopicSerdes.deadLetters().deserializer())
              .readKeyValuesToList();
      assertThat(dlq).hasSize(1);
      assertThat(dlq.get(0).key).isEqualTo("PMC7");
      assertThat(dlq.get(0).value.reason()).isEqualTo("undecodable-record");
      assertThat(dlq.get(0).value.source()).isEqualTo(Topics.ARTICLE_VERSIONS + "-0@0");
      assertThat(dlq.get(0).value.message()).contains("not in Avro single-object encoding");
      assertThat(t.toEnrich.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("PMC1");
    }
  }
}
