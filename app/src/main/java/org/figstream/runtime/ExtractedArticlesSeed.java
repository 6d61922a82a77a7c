package org.figstream.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.records.Topics;

/**
 * The one step an upgrade to the PubMed join needs. Before it, the stage and the ledger wrote
 * articles and their tombstones to {@code articles} directly; now they write to {@code
 * figstream-extracted-articles}, and the join fills {@code articles}. A cluster that ran the older
 * figstream has articles on {@code articles} that the join's table does not know, so a later
 * withdrawal would not take them out. Before the Streams app starts, this copies {@code articles}
 * into the empty {@code figstream-extracted-articles}, record by record in offset order (tombstones
 * too, with their headers), so the join's table starts where {@code articles} is. The join then
 * puts each article on {@code articles} once more, an upsert of what is there. Nothing to do on a
 * new cluster ({@code articles} empty) or once the topic has records.
 */
final class ExtractedArticlesSeed {
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private ExtractedArticlesSeed() {}

  /** Copies and returns the number of records copied; 0 when there was nothing to do. */
  static long run(Map<String, Object> kafka) {
    Map<String, Object> c = new HashMap<>(kafka);
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    c.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> in =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      if (offsets(in, Topics.EXTRACTED_ARTICLES) > 0 || offsets(in, Topics.ARTICLES) == 0) {
        return 0;
      }
    }
    Map<String, Object> p = new HashMap<>(kafka);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    long[] copied = {0};
    try (KafkaProducer<String, byte[]> out =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      // committed records in offset order per partition, tombstones and headers as they are
      TopicReader.readAll(
          kafka,
          Topics.ARTICLES,
          TIMEOUT,
          r -> {
            out.send(
                new ProducerRecord<>(
                    Topics.EXTRACTED_ARTICLES, null, r.key(), r.value(), r.headers()));
            copied[0]++;
          });
      out.flush();
    }
    return copied[0];
  }

  /** Offsets between the beginning and the end: records, or transaction markers only. */
  private static long offsets(KafkaConsumer<?, ?> in, String topic) {
    List<TopicPartition> tps =
        in.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    Map<TopicPartition, Long> begin = in.beginningOffsets(tps);
    return in.endOffsets(tps).entrySet().stream()
        .mapToLong(e -> e.getValue() - begin.get(e.getKey()))
        .sum();
  }
}
