package org.figstream.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic to the end it had when reading started, committed records only, without a consumer
 * group (nothing is committed, no running consumer is disturbed): from the beginning, or from where
 * an earlier read ended.
 */
public final class TopicReader {
  private TopicReader() {}

  /** Every committed record of {@code topic}, in partition order. */
  public static void readAll(
      Map<String, Object> kafka,
      String topic,
      Duration timeout,
      Consumer<ConsumerRecord<String, byte[]>> each) {
    readFrom(kafka, topic, Map.of(), timeout, each);
  }

  /**
   * The committed records of {@code topic} from {@code from} (per partition; the beginning for a
   * partition it does not name, or where retention deleted the position); returns where it ended,
   * for the next read.
   */
  public static Map<TopicPartition, Long> readFrom(
      Map<String, Object> kafka,
      String topic,
      Map<TopicPartition, Long> from,
      Duration timeout,
      Consumer<ConsumerRecord<String, byte[]>> each) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // a topic written in transactions ends with a commit marker, where a fetch finds no record:
    // without this the broker holds each such fetch for fetch.max.wait.ms (500 ms)
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
      partitions.forEach(
          tp -> consumer.seek(tp, Math.max(begin.get(tp), from.getOrDefault(tp, 0L))));
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end in " + timeout);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(each);
      }
      Map<TopicPartition, Long> ended = new HashMap<>();
      partitions.forEach(tp -> ended.put(tp, consumer.position(tp, timeout)));
      return ended;
    }
  }
}
