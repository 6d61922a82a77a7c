package org.figstream.loadtest.stores;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Topics;
import org.figstream.topology.schema.TopicSerdes;

/** {@code figures} read from its start to its end as a mirror reads it (read_committed). */
final class FiguresTopic {
  private FiguresTopic() {}

  /** Hands every upsert on {@code figures} to {@code each}, in partition order. */
  static void readAll(Map<String, Object> kafka, Consumer<PublishedFigure> each) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, PublishedFigure> consumer =
        new KafkaConsumer<>(
            config, new StringDeserializer(), TopicSerdes.figures().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.FIGURES).stream()
              .map(p -> new TopicPartition(Topics.FIGURES, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, PublishedFigure> r : consumer.poll(Duration.ofSeconds(1))) {
          if (r.value() != null) {
            each.accept(r.value());
          }
        }
      }
    }
  }
}
