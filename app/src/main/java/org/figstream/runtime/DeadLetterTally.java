package org.figstream.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.figstream.records.Topics;

/**
 * The committed records on {@code dlq}, counted incrementally: the first count reads the topic
 * once, each later one only what arrived since (dead letters are small, and the topic is not
 * compacted, so its offsets cannot say how many records it holds: transaction markers take offsets
 * too).
 */
final class DeadLetterTally {
  private final Map<String, Object> kafka;
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private long count;

  DeadLetterTally(Map<String, Object> kafka) {
    this.kafka = kafka;
  }

  long count() {
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest"); // retention may have deleted where we were
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.DLQ).stream()
              .map(p -> new TopicPartition(Topics.DLQ, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      partitions.forEach(
          tp -> consumer.seek(tp, Math.max(begin.get(tp), next.getOrDefault(tp, 0L))));
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        count += consumer.poll(Duration.ofMillis(200)).count();
      }
      partitions.forEach(tp -> next.put(tp, consumer.position(tp)));
    }
    return count;
  }
}
