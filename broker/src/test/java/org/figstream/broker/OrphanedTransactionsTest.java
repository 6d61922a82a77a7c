package org.figstream.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state a hard stop left in KillSoakIT, made on purpose: a producer's records on a partition,
 * with no marker after them, while its coordinator has finished the transaction. The batch is
 * written into the stopped broker's log file, as the killed broker had written it, and the broker
 * recovers the log as after any unclean stop.
 */
class OrphanedTransactionsTest {
  private static final String TOPIC = "orphans";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
  private static final String TRANSACTIONAL_ID = "orphan-maker";

  @Test
  void shouldFinishARecordsTransactionAsItsCoordinatorDidAndLeaveCommittedOnesVisible(
      @TempDir Path dir) throws Exception {
    ProducerState before;
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir)) {
      assertThat(broker.finishedOrphans()).isEmpty();
      try (Admin admin = Admin.create(broker.clientConfig())) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        try (KafkaProducer<String, String> p = producer(broker)) {
          p.initTransactions();
          p.beginTransaction();
          p.send(new ProducerRecord<>(TOPIC, 0, "k", "kept"));
          p.commitTransaction();
        }
        before =
            admin
                .describeProducers(List.of(PARTITION))
                .all()
                .get()
                .get(PARTITION)
                .activeProducers()
                .get(0);
      }
    }
    Path partition = dir.resolve("logs").resolve(TOPIC + "-0");
    long orphanOffset = appendOpenBatch(partition, before, "orphaned");
    Files.deleteIfExists(dir.resolve("logs/.kafka_cleanshutdown"));

    try (EmbeddedBroker broker = EmbeddedBroker.start(dir)) {
      TransactionState decided = broker.finishedOrphans().get(0).coordinatorState();
      assertThat(broker.finishedOrphans())
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.partition()).isEqualTo(PARTITION);
                assertThat(o.transactionalId()).isEqualTo(TRANSACTIONAL_ID);
                assertThat(o.producerId()).isEqualTo(before.producerId());
                assertThat(o.startOffset()).isEqualTo(orphanOffset);
                assertThat(o.coordinatorState())
                    .isIn(TransactionState.COMPLETE_COMMIT, TransactionState.EMPTY);
              });
      try (Admin admin = Admin.create(broker.clientConfig())) {
        assertThat(OrphanedTransactions.find(admin)).isEmpty();
        // the last stable offset is the end again: read_committed readers get past the orphan
        assertThat(endOffset(admin, IsolationLevel.READ_COMMITTED))
            .isEqualTo(endOffset(admin, IsolationLevel.READ_UNCOMMITTED));
      }
      // finished as the coordinator finished the transaction: a commit keeps the orphan's record
      if (decided == TransactionState.COMPLETE_COMMIT) {
        assertThat(readCommitted(broker)).containsExactly("kept", "orphaned");
      } else {
        assertThat(readCommitted(broker)).containsExactly("kept");
      }
    }
  }

  @Test
  void shouldLeaveATransactionThatIsStillGoingOn(@TempDir Path dir) throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir);
        Admin admin = Admin.create(broker.clientConfig());
        KafkaProducer<String, String> p = producer(broker)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
      p.initTransactions();
      p.beginTransaction();
      p.send(new ProducerRecord<>(TOPIC, 0, "k", "in flight")).get();

      assertThat(OrphanedTransactions.finishAll(admin, broker.address(), Duration.ofSeconds(5)))
          .isEmpty();
      p.commitTransaction();
      assertThat(readCommitted(broker)).containsExactly("in flight");
    }
  }

  private static KafkaProducer<String, String> producer(EmbeddedBroker broker) {
    Map<String, Object> c = new HashMap<>(broker.clientConfig());
    c.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
    return new KafkaProducer<>(c, new StringSerializer(), new StringSerializer());
  }

  /**
   * Appends a transactional batch of the producer, at its current epoch, after the partition's last
   * batch, as a produce request the broker appended before it died; returns the batch's offset.
   */
  private static long appendOpenBatch(Path partition, ProducerState producer, String value)
      throws Exception {
    File segment = partition.resolve("00000000000000000000.log").toFile();
    long offset = 0;
    int leaderEpoch = 0;
    try (FileRecords records = FileRecords.open(segment)) {
      for (RecordBatch b : records.batches()) {
        offset = b.lastOffset() + 1;
        leaderEpoch = b.partitionLeaderEpoch();
      }
    }
    MemoryRecords batch =
        MemoryRecords.withTransactionalRecords(
            offset,
            Compression.NONE,
            producer.producerId(),
            (short) producer.producerEpoch(),
            0,
            leaderEpoch,
            new SimpleRecord(
                System.currentTimeMillis(),
                "k".getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8)));
    byte[] bytes = new byte[batch.sizeInBytes()];
    batch.buffer().duplicate().get(bytes);
    Files.write(segment.toPath(), bytes, StandardOpenOption.APPEND);
    return offset;
  }

  private static long endOffset(Admin admin, IsolationLevel isolation) throws Exception {
    return admin
        .listOffsets(Map.of(PARTITION, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
        .all()
        .get()
        .get(PARTITION)
        .offset();
  }

  /**
   * The committed values, read once the last stable offset has reached the log's end: a commit
   * returns before the coordinator has written its markers, and until then a read_committed reader
   * sees nothing of the transaction.
   */
  private static List<String> readCommitted(EmbeddedBroker broker) throws Exception {
    try (Admin admin = Admin.create(broker.clientConfig())) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (endOffset(admin, IsolationLevel.READ_COMMITTED)
              < endOffset(admin, IsolationLevel.READ_UNCOMMITTED)
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    Map<String, Object> c = new HashMap<>(broker.clientConfig());
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(PARTITION));
      consumer.seekToBeginning(List.of(PARTITION));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
      while (consumer.position(PARTITION) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }
}
