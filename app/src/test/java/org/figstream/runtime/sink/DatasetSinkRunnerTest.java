package org.figstream.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.records.DeadLetter;
import org.figstream.records.Topics;
import org.figstream.runtime.TopicCounts;
import org.figstream.topology.TopicSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded sink's thread on the in-process broker: a failed commit, deleted records. */
class DatasetSinkRunnerTest {
  @TempDir Path dir;

  @Test
  void shouldStopTheSinkWhenACommitItWasAskedForFailsHalfWay() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"))) {
      TopicSetup.ensure(broker.clientConfig(), 1, (short) 1);
      // the first commit is the open's (the empty delete files); the second the one asked for
      int[] commits = {0};
      FaultPoint.Hook failSecond =
          p -> {
            if (p == FaultPoint.SHARDS_WRITTEN && ++commits[0] == 2) {
              throw new IOException("no space left on device (test)");
            }
          };
      Path dataset = dir.resolve("dataset");
      try (DatasetSinkRunner runner =
          new DatasetSinkRunner(broker.clientConfig(), SinkSettings.defaults(dataset), failSecond)
              .start()) {
        long generation = ManifestStore.read(dataset).generation();

        assertThatThrownBy(() -> runner.catchUpAndCommit(Duration.ofSeconds(30)))
            .hasMessage("no space left on device (test)");

        // its open shards and positions no longer match its manifest: it takes no more work, and
        // publishes nothing more, until it is opened again from disk
        assertThatThrownBy(() -> runner.call(sink -> sink.manifest(), Duration.ofSeconds(30)))
            .hasMessage("the dataset sink stopped: no space left on device (test)");
        assertThat(runner.failure()).hasMessage("no space left on device (test)");
        assertThat(ManifestStore.read(dataset).generation()).isEqualTo(generation);
      }
    }
  }

  @Test
  void shouldReadFromTheOldestRecordLeftWhenItsPositionWasDeleted() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"))) {
      Map<String, Object> kafka = broker.clientConfig();
      // topics a user made with retention (figstream makes its own compacted, where no record
      // can be deleted): the sink must not skip what is left
      try (Admin admin = Admin.create(kafka)) {
        admin
            .createTopics(
                List.of(Topics.FIGURES, Topics.ARTICLES, Topics.DLQ).stream()
                    .map(
                        t ->
                            new NewTopic(t, 1, (short) 1)
                                .configs(Map.of("cleanup.policy", "delete")))
                    .toList())
            .all()
            .get();
      }
      // three records no decoder reads; the first two deleted, as retention would
      try (KafkaProducer<String, byte[]> p =
          new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer())) {
        for (int i = 0; i < 3; i++) {
          p.send(new ProducerRecord<>(Topics.FIGURES, "PMC1/f" + i + "/1", new byte[] {1, 2, 3}))
              .get();
        }
      }
      TopicPartition figures = new TopicPartition(Topics.FIGURES, 0);
      try (Admin admin = Admin.create(kafka)) {
        admin.deleteRecords(Map.of(figures, RecordsToDelete.beforeOffset(2))).all().get();
      }

      // a new dataset's position, 0, is below the log's start, 2
      try (DatasetSinkRunner runner =
          new DatasetSinkRunner(
                  kafka, SinkSettings.defaults(dir.resolve("dataset")), FaultPoint.Hook.NONE)
              .start()) {
        runner.catchUpAndCommit(Duration.ofSeconds(60));
      }

      assertThat(TopicCounts.deadLetters(kafka))
          .extracting(DeadLetter::source)
          .containsExactly(Topics.FIGURES + "-0@2");
    }
  }
}
