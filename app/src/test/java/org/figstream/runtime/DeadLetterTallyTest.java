package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.records.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caught-up line's dead-letter count on a real broker: records, not offsets, and only new ones
 * read.
 */
class DeadLetterTallyTest {

  @Test
  void shouldCountCommittedRecordsNotMarkersAndAbortedOnes(@TempDir Path dir) throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"))) {
      try (Admin admin = Admin.create(broker.clientConfig())) {
        admin.createTopics(List.of(new NewTopic(Topics.DLQ, 2, (short) 1))).all().get();
      }
      Map<String, Object> config = new HashMap<>(broker.clientConfig());
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tally-test");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        DeadLetterTally tally = new DeadLetterTally(broker.clientConfig());
        assertThat(tally.count()).isZero();

        send(producer, 3, true); // 3 records and a marker on each partition written
        assertThat(settled(tally, 3)).isEqualTo(3);
        send(producer, 4, false); // aborted: never seen by a read_committed reader
        send(producer, 2, true);
        assertThat(settled(tally, 5)).isEqualTo(5);
        assertThat(tally.count()).isEqualTo(5);
      }
    }
  }

  /**
   * The count once it reaches {@code expected} or 10 s passed: a commit returns before its markers
   * are written, and until then a read_committed reader stops before the transaction.
   */
  private static long settled(DeadLetterTally tally, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    long count = tally.count();
    while (count < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
      count = tally.count();
    }
    return count;
  }

  private static void send(KafkaProducer<String, String> producer, int records, boolean commit) {
    producer.beginTransaction();
    for (int i = 0; i < records; i++) {
      producer.send(new ProducerRecord<>(Topics.DLQ, "PMC" + i, "dead letter " + i));
    }
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.abortTransaction();
    }
  }
}
