package org.figstream.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.figstream.records.DeadLetter;
import org.figstream.records.Topics;
import org.figstream.topology.schema.TopicSerdes;

/**
 * Reads a topic to its committed end as an independent consumer of it sees it: what the tests
 * compare the run's own counts (from its state) against.
 */
public final class TopicCounts {
  private TopicCounts() {}

  /**
   * Keys whose last value is not a tombstone; values are not kept (on figures they hold images).
   */
  public static Set<String> liveKeys(Map<String, Object> kafka, String topic) {
    return new LinkedHashSet<>(perLiveKey(kafka, topic, (before, value) -> Boolean.TRUE).keySet());
  }

  /** The last value of every key that has not been tombstoned since. */
  public static Map<String, byte[]> latest(Map<String, Object> kafka, String topic) {
    return perLiveKey(kafka, topic, (before, value) -> value);
  }

  /**
   * Per key, the upserts since its last tombstone (keys whose last record is a tombstone left out):
   * on a compacted topic written exactly once per change, what a duplicate would show as one more.
   */
  public static Map<String, Integer> upsertsSinceLastTombstone(
      Map<String, Object> kafka, String topic) {
    return perLiveKey(kafka, topic, (before, value) -> before == null ? 1 : before + 1);
  }

  /** Every value of {@code key} on {@code topic} in offset order, tombstones as null. */
  public static List<byte[]> history(Map<String, Object> kafka, String topic, String key) {
    List<byte[]> values = new ArrayList<>();
    scan(
        kafka,
        topic,
        r -> {
          if (key.equals(r.key())) {
            values.add(r.value());
          }
        });
    return values;
  }

  /** Folds each key's values since its last tombstone; a tombstone forgets the key. */
  private static <T> Map<String, T> perLiveKey(
      Map<String, Object> kafka, String topic, BiFunction<T, byte[], T> next) {
    Map<String, T> live = new LinkedHashMap<>();
    scan(
        kafka,
        topic,
        r -> {
          if (r.value() == null) {
            live.remove(r.key());
          } else {
            live.put(r.key(), next.apply(live.get(r.key()), r.value()));
          }
        });
    return live;
  }

  /**
   * Committed records on the topic, tombstones included: for topics that are not compacted (dlq).
   */
  public static long records(Map<String, Object> kafka, String topic) {
    long[] n = {0};
    scan(kafka, topic, r -> n[0]++);
    return n[0];
  }

  /** Every committed dead letter on dlq, decoded, in partition and offset order per partition. */
  public static List<DeadLetter> deadLetters(Map<String, Object> kafka) {
    var decoder = TopicSerdes.deadLetters().deserializer();
    return values(kafka, Topics.DLQ).stream().map(v -> decoder.deserialize(Topics.DLQ, v)).toList();
  }

  /** Every committed record's value on the topic, in partition and offset order per partition. */
  public static List<byte[]> values(Map<String, Object> kafka, String topic) {
    List<byte[]> values = new ArrayList<>();
    scan(kafka, topic, r -> values.add(r.value()));
    return values;
  }

  private static void scan(
      Map<String, Object> kafka, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // ends at commit markers, where a fetch finds no record: don't let the broker hold it 500 ms
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        consumer.poll(Duration.ofMillis(200)).forEach(each);
      }
    }
  }
}
