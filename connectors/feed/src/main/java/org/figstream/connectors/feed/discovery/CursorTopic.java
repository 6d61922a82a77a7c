package org.figstream.connectors.feed.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The compacted topic that holds each feed's cursor ({@link KafkaCursorStore#TOPIC}): making sure
 * it exists, a cursor's record, and reading back the last committed cursor of one feed. The store
 * writes the records through its own (transactional) producer, which this class does not hold.
 */
final class CursorTopic {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private CursorTopic() {}

  static void create(Map<String, Object> clientConfig, short replicationFactor) {
    try (Admin admin = Admin.create(clientConfig)) {
      NewTopic topic =
          new NewTopic(KafkaCursorStore.TOPIC, 1, replicationFactor)
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create " + KafkaCursorStore.TOPIC + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void require(Map<String, Object> clientConfig) {
    try (Admin admin = Admin.create(clientConfig)) {
      if (!admin.listTopics().names().get().contains(KafkaCursorStore.TOPIC)) {
        throw new IllegalStateException(
            "topic "
                + KafkaCursorStore.TOPIC
                + " does not exist: create it (1 partition, "
                + "cleanup.policy=compact) or let figstream create its topics (--create-topics)");
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The record that saves {@code cursor} as the feed's current one (its key is the feed). */
  static ProducerRecord<String, byte[]> record(String feedId, FeedCursor cursor) {
    try {
      return new ProducerRecord<>(KafkaCursorStore.TOPIC, feedId, JSON.writeValueAsBytes(cursor));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the topic to its end in read_committed and keeps the last cursor written for the feed.
   */
  static Optional<FeedCursor> lastCommitted(Map<String, Object> clientConfig, String feedId) {
    Map<String, Object> c = new HashMap<>(clientConfig);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // the topic ends with a commit marker, where a fetch finds no record and would be held 500 ms
    c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    TopicPartition partition = new TopicPartition(KafkaCursorStore.TOPIC, 0);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      byte[] last = null;
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(partition, TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading " + KafkaCursorStore.TOPIC + " timed out");
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (feedId.equals(r.key())) {
            last = r.value();
          }
        }
      }
      return last == null ? Optional.empty() : Optional.of(parse(last));
    }
  }

  private static FeedCursor parse(byte[] json) {
    try {
      return JSON.readValue(json, FeedCursor.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          "unreadable cursor in "
              + KafkaCursorStore.TOPIC
              + ": "
              + new String(json, StandardCharsets.UTF_8),
          e);
    }
  }
}
