package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.broker.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caught-up check on a real broker, where transaction markers and aborted records take offsets
 * that are not records to consume.
 */
class LagTest {
  private static final String TOPIC = "lag-test";
  private static final String GROUP = "lag-test-group";
  private static final TopicPartition TP = new TopicPartition(TOPIC, 0);
  private static final List<Lag.Input> INPUTS = List.of(new Lag.Input(GROUP, TOPIC));

  @Test
  void shouldTellCommittedRecordsFromMarkersAndAbortedRecords(@TempDir Path dir) throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"));
        Admin admin = Admin.create(broker.clientConfig());
        KafkaProducer<String, String> producer = transactional(broker.clientConfig());
        Lag lag = new Lag(broker.clientConfig())) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
      producer.initTransactions();
      send(producer, 3, true); // offsets 0-2, the commit marker at 3
      awaitEnd(admin, 4);

      assertThat(lag.anyPending(INPUTS)).as("a group with no offsets yet").isTrue();
      assertThat(lag.byInput(INPUTS)).containsEntry(INPUTS.get(0), 3L);

      commit(admin, 3); // done, one offset short of the end: the marker
      assertThat(lag.anyPending(INPUTS)).isFalse();
      assertThat(lag.byInput(INPUTS)).containsEntry(INPUTS.get(0), 0L);

      send(producer, 5, false); // offsets 4-8 aborted, the abort marker at 9
      awaitEnd(admin, 10);
      assertThat(lag.anyPending(INPUTS)).as("only aborted records after it").isFalse();
      assertThat(lag.byInput(INPUTS)).containsEntry(INPUTS.get(0), 0L);
      try (Lag unread = new Lag(broker.clientConfig(), Duration.ZERO)) {
        // a probe that cannot read to the end in time must not take the unread rest for markers
        assertThat(unread.anyPending(INPUTS)).as("offsets it could not read").isTrue();
        assertThat(unread.byInput(INPUTS)).containsEntry(INPUTS.get(0), 7L);
      }

      send(producer, 40, true); // offsets 10-49, the commit marker at 50
      awaitEnd(admin, 51);
      long read = lag.recordsRead();
      assertThat(lag.anyPending(INPUTS)).isTrue();
      assertThat(lag.recordsRead() - read).as("it stops at the first record").isBetween(1L, 16L);
      // far from the end an operator's lag is the offset distance: 51 - 3
      assertThat(lag.byInput(INPUTS)).containsEntry(INPUTS.get(0), 48L);

      commit(admin, 50);
      assertThat(lag.anyPending(INPUTS)).isFalse();
      assertThat(lag.byInput(INPUTS)).containsEntry(INPUTS.get(0), 0L);
    }
  }

  private static KafkaProducer<String, String> transactional(Map<String, Object> kafka) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-test-producer");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static void send(KafkaProducer<String, String> producer, int records, boolean commit)
      throws Exception {
    producer.beginTransaction();
    for (int i = 0; i < records; i++) {
      producer.send(new ProducerRecord<>(TOPIC, 0, "k" + i, "v" + i));
    }
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.flush();
      producer.abortTransaction();
    }
  }

  /** The markers are written after the commit returns; read_committed ends move then. */
  private static void awaitEnd(Admin admin, long end) throws Exception {
    while (admin
            .listOffsets(
                Map.of(TP, OffsetSpec.latest()),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .partitionResult(TP)
            .get()
            .offset()
        < end) {
      Thread.sleep(20);
    }
  }

  private static void commit(Admin admin, long offset) throws Exception {
    admin.alterConsumerGroupOffsets(GROUP, Map.of(TP, new OffsetAndMetadata(offset))).all().get();
  }
}
