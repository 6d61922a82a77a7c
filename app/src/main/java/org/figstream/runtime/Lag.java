package org.figstream.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether the pipeline's consumer groups have consumed every committed record of their inputs.
 * Offsets alone cannot say: a transaction's commit marker takes an offset after the last record, so
 * a group that is done can sit one offset short of the end. So where a group is behind the end, a
 * committed-read probe looks for actual records between its offset and the end.
 */
final class Lag implements AutoCloseable {
  private final Admin admin;
  private final Map<String, List<Integer>> partitionsByTopic = new HashMap<>();
  private final KafkaConsumer<byte[], byte[]> probe;
  private final Duration readTimeout;
  private long recordsRead;
  private long committedSoFar;

  /** How long the probe reads one partition before it gives up and counts what is left. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

  Lag(Map<String, Object> kafka) {
    this(kafka, READ_TIMEOUT);
  }

  /** With {@code readTimeout} for each partition's read (a test makes it run out). */
  Lag(Map<String, Object> kafka, Duration readTimeout) {
    this.readTimeout = readTimeout;
    admin = Admin.create(kafka);
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // a group that is done sits before a commit marker, and a fetch there finds no record: the
    // broker would hold it for fetch.max.wait.ms (500 ms) per partition, a second per check
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    // it needs one record, not a fetch's worth: a broker still returns at least one batch
    c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1);
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 16);
    probe = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** A consumer group and one of its input topics. */
  record Input(String group, String topic) {}

  /**
   * Whether any input has a committed record its group has not consumed. Give the inputs in
   * pipeline order: each stage commits its outputs with its input offsets, so once an upstream
   * input is drained, whatever it produced is already visible to the checks of the inputs after it.
   * It stops at the first record it finds: the pipeline asks about once a second after every feed
   * pass, through a whole backfill (five times a second before 2026-12-05), and counting every
   * pending record meant reading the backlog (figure records carry their images) again each time.
   */
  boolean anyPending(List<Input> inputs) throws Exception {
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committed(inputs);
    committedSoFar =
        committed.values().stream()
            .flatMap(offsets -> offsets.values().stream())
            .mapToLong(OffsetAndMetadata::offset)
            .sum();
    for (Input input : inputs) {
      Map<TopicPartition, Long> positions = positions(input, committed);
      for (Map.Entry<TopicPartition, Long> end : probe.endOffsets(positions.keySet()).entrySet()) {
        if (firstRecordsAfter(end.getKey(), positions.get(end.getKey()), end.getValue(), 1) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Offsets from the end within which the probe counts records instead of offsets. */
  static final long NEAR_END = 16;

  /**
   * What each input has left, as an operator reads a lag: 0 once caught up. Far from the end the
   * offset distance is close enough (each transaction adds one marker) and costs nothing to read;
   * near the end, where markers may be all the distance there is, the committed records are
   * counted.
   */
  Map<Input, Long> byInput(List<Input> inputs) throws Exception {
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committed(inputs);
    Map<Input, Long> lag = new LinkedHashMap<>();
    for (Input input : inputs) {
      Map<TopicPartition, Long> positions = positions(input, committed);
      long left = 0;
      for (Map.Entry<TopicPartition, Long> end : probe.endOffsets(positions.keySet()).entrySet()) {
        long at = positions.get(end.getKey());
        long gap = Math.max(0, end.getValue() - at);
        left += gap > NEAR_END ? gap : firstRecordsAfter(end.getKey(), at, end.getValue(), gap);
      }
      lag.put(input, left);
    }
    return lag;
  }

  /** Each group's committed offsets: one request per group, however many of its inputs. */
  private Map<String, Map<TopicPartition, OffsetAndMetadata>> committed(List<Input> inputs)
      throws Exception {
    Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup = new HashMap<>();
    for (Input input : inputs) {
      if (!byGroup.containsKey(input.group())) {
        byGroup.put(
            input.group(),
            admin.listConsumerGroupOffsets(input.group()).partitionsToOffsetAndMetadata().get());
      }
    }
    return byGroup;
  }

  /** The group's committed position on every partition of its input (0 where it has none yet). */
  private Map<TopicPartition, Long> positions(
      Input input, Map<String, Map<TopicPartition, OffsetAndMetadata>> committedByGroup)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = committedByGroup.get(input.group());
    Map<TopicPartition, Long> positions = new LinkedHashMap<>();
    List<Integer> partitions = partitionsByTopic.get(input.topic());
    if (partitions == null) {
      try {
        partitions =
            admin
                .describeTopics(List.of(input.topic()))
                .allTopicNames()
                .get()
                .get(input.topic())
                .partitions()
                .stream()
                .map(TopicPartitionInfo::partition)
                .toList();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          // an internal topic Kafka Streams has not made yet: nothing can be waiting in it
          return positions;
        }
        throw e;
      }
      // a topic's partitions are fixed while a run waits on it
      partitionsByTopic.put(input.topic(), partitions);
    }
    for (int p : partitions) {
      TopicPartition tp = new TopicPartition(input.topic(), p);
      OffsetAndMetadata done = committed.get(tp);
      positions.put(tp, done == null ? 0 : done.offset());
    }
    return positions;
  }

  /**
   * The committed records in {@code [offset, end)}, counted up to {@code enough}: aborted records
   * and transaction markers take offsets too, so only reading tells. Bounded by the read timeout: a
   * probe that could not read to the end in time (a loaded machine, a slow broker) counts the rest
   * as records, because an unread offset may hold one, and taking it for a marker would end a wait
   * for caught-up early.
   */
  private long firstRecordsAfter(TopicPartition tp, long offset, long end, long enough) {
    if (offset >= end) {
      return 0;
    }
    probe.assign(List.of(tp));
    probe.seek(tp, offset);
    long found = 0;
    long deadline = System.nanoTime() + readTimeout.toNanos();
    while (found < enough && probe.position(tp) < end) {
      if (System.nanoTime() >= deadline) {
        return enough;
      }
      for (ConsumerRecord<byte[], byte[]> r : probe.poll(Duration.ofMillis(100)).records(tp)) {
        recordsRead++;
        found += r.offset() < end ? 1 : 0;
      }
    }
    return Math.min(found, enough);
  }

  /**
   * The sum of the groups' committed offsets at the last {@link #anyPending}: it grows whenever any
   * stage of any instance commits, so a wait can tell a long backlog from a stuck pipeline.
   */
  long committedSoFar() {
    return committedSoFar;
  }

  /** Records the probe's polls have returned so far. */
  long recordsRead() {
    return recordsRead;
  }

  @Override
  public void close() {
    probe.close();
    admin.close();
  }
}
