package org.figstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.figstream.topology.TopologyFixture.removal;
import static org.figstream.topology.TopologyFixture.version;

import java.nio.file.Path;
import org.figstream.records.Topics;
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
  void shouldWithdrawARetractedArticleOnce() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.announce(version("PMC1", 1, "e1", false));
      t.announce(version("PMC1", 1, "e2", true));
      t.announce(version("PMC1", 1, "e2", true));

      assertThat(t.toEnrich.readValuesToList()).hasSize(1);
      assertThat(t.withdrawals.readValuesToList())
          .singleElement()
          .satisfies(
              w -> {
                assertThat(w.withdrawn()).isTrue();
                assertThat(w.reason()).isEqualTo("retracted");
                assertThat(w.pmcid()).isEqualTo("PMC1");
              });
    }
  }

  @Test
  void shouldWithdrawOnlyWhenTheLatestVersionIsRemoved() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.announce(version("PMC1", 1, "e1", false));
      t.announce(version("PMC1", 2, "e2", false));
      t.announce(removal("PMC1", 1));
      assertThat(t.withdrawals.isEmpty()).isTrue();

      t.announce(removal("PMC1", 2));
      t.announce(removal("PMC2", 1)); // never seen: nothing to withdraw

      assertThat(t.withdrawals.readValuesToList())
          .singleElement()
          .satisfies(w -> assertThat(w.reason()).isEqualTo("removed"));
    }
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
