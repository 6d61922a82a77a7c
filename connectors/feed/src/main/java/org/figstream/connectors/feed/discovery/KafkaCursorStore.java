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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The feed's cursor in a compacted topic, keyed by feed (the bucket URL), so that a feed that moves
 * to another machine or pod resumes where the last one stopped. A save returns once the broker has
 * it.
 */
public final class KafkaCursorStore implements CursorStore, AutoCloseable {
  public static final String TOPIC = "figstream-feed-cursor";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> clientConfig;
  private final String feedId;
  private final KafkaProducer<String, byte[]> producer;

  /**
   * @param clientConfig connection settings (bootstrap servers, security); creates the topic if
   *     missing
   */
  public KafkaCursorStore(
      Map<String, Object> clientConfig, String feedId, short replicationFactor) {
    this(clientConfig, feedId, replicationFactor, true);
  }

  /**
   * @param createTopic false on clusters where figstream may not create topics: the topic must
   *     exist
   */
  public KafkaCursorStore(
      Map<String, Object> clientConfig,
      String feedId,
      short replicationFactor,
      boolean createTopic) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.feedId = feedId;
    if (createTopic) {
      createTopic(replicationFactor);
    } else {
      requireTopic();
    }
    Map<String, Object> p = new HashMap<>(clientConfig);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private void createTopic(short replicationFactor) {
    try (Admin admin = Admin.create(clientConfig)) {
      NewTopic topic =
          new NewTopic(TOPIC, 1, replicationFactor)
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create " + TOPIC + ": " + e.getCause().getMessage(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void requireTopic() {
    try (Admin admin = Admin.create(clientConfig)) {
      if (!admin.listTopics().names().get().contains(TOPIC)) {
        throw new IllegalStateException(
            "topic "
                + TOPIC
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

  /** Reads the topic to its end and keeps the last cursor written for this feed. */
  @Override
  public Optional<FeedCursor> load() {
    Map<String, Object> c = new HashMap<>(clientConfig);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    TopicPartition partition = new TopicPartition(TOPIC, 0);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      byte[] last = null;
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(partition, TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading " + TOPIC + " timed out");
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

  @Override
  public void save(FeedCursor cursor) {
    try {
      producer.send(new ProducerRecord<>(TOPIC, feedId, JSON.writeValueAsBytes(cursor))).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot save the feed cursor to " + TOPIC + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static FeedCursor parse(byte[] json) {
    try {
      return JSON.readValue(json, FeedCursor.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          "unreadable cursor in " + TOPIC + ": " + new String(json, StandardCharsets.UTF_8), e);
    }
  }

  @Override
  public void close() {
    producer.close(TIMEOUT);
  }
}
