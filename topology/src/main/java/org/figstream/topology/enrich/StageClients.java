package org.figstream.topology.enrich;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.records.Announcement;
import org.figstream.records.Topics;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.schema.TopicSerdes;

/**
 * The enrichment stage's consumer and transactional producer, and the settings they are made from.
 * A restart throws both away and makes a new pair, so the pair lives apart from the loop that
 * decides when.
 */
final class StageClients {
  private final Map<String, Object> consumerConfig = new HashMap<>();
  private final Map<String, Object> producerConfig = new HashMap<>();
  private KafkaConsumer<String, Announcement> consumer;
  private KafkaProducer<String, byte[]> producer;

  StageClients(Map<String, Object> kafka, int concurrency, String instanceId) {
    consumerConfig.putAll(kafka);
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, EnrichmentStage.GROUP);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // a batch's results are published together, when its slowest article is done: at most twice
    // the concurrency keeps that wait short (64 made every result wait ~50 s on 2 cores)
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize(concurrency));
    producerConfig.putAll(kafka);
    producerConfig.put(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "figstream-enrichment-" + instanceId);
    // an article's result carries its normalised images: megabytes, not the 1 MB default
    producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.MAX_MESSAGE_BYTES);
  }

  /** Requests one transaction takes at most. */
  static int batchSize(int concurrency) {
    return 2 * concurrency;
  }

  void connect() {
    consumer =
        new KafkaConsumer<>(
            consumerConfig, new StringDeserializer(), TopicSerdes.announcements().deserializer());
    producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    producer
        .initTransactions(); // fences a previous producer of this id, aborting what it left open
    consumer.subscribe(List.of(Topics.ENRICH_REQUESTS));
  }

  /** Whether clients were ever made, so that there are some to close. */
  boolean connected() {
    return consumer != null;
  }

  void disconnect() {
    try {
      producer.close(Duration.ofSeconds(5));
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  KafkaConsumer<String, Announcement> consumer() {
    return consumer;
  }

  KafkaProducer<String, byte[]> producer() {
    return producer;
  }
}
