package org.figstream.loadtest.harness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.figstream.records.Topics;

/**
 * Reads {@code article-versions} and {@code figures} as a subscriber does (read_committed) and
 * times each figure record from its article's announcement (the announcement's timestamp, set by
 * the feed when it sent it) to the moment the record became visible here. Records of articles
 * announced before the end of the warm-up are counted but not timed.
 */
final class LatencyProbe implements AutoCloseable {
  private static final long MAX_MILLIS = Duration.ofHours(6).toMillis();

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final long warmupEnd;
  private final Thread thread;
  private volatile boolean running = true;

  private final Map<String, Long> announcedAt = new HashMap<>();
  private final List<ConsumerRecord<byte[], byte[]>> early = new ArrayList<>();
  private final Histogram toFigures = new Histogram(MAX_MILLIS, 3);

  /** Timed upserts by partition and offset: their announcement time, for the commit latency. */
  private final Map<String, TreeMap<Long, Long>> timedOffsets = new HashMap<>();

  private final java.util.Set<String> live = new java.util.HashSet<>();
  private long announcements;
  private long upserts;
  private long tombstones;
  private final Map<String, Long> lastUpsertOffset = new HashMap<>();

  /**
   * A probe of the cluster at {@code bootstrapServers}, reached with the client settings {@code
   * security} (figstream's {@code --kafka-config}: TLS, SASL; empty for a plaintext listener).
   */
  LatencyProbe(String bootstrapServers, Map<String, String> security, long warmupEnd) {
    this.warmupEnd = warmupEnd;
    this.consumer =
        new KafkaConsumer<>(
            config(bootstrapServers, security),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    this.thread = new Thread(this::loop, "latency-probe");
  }

  /** {@code security} first, so that it cannot change what or how the probe reads. */
  static Map<String, Object> config(String bootstrapServers, Map<String, String> security) {
    Map<String, Object> config = new HashMap<>(security);
    config.putAll(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            64 << 20,
            ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
            64 << 20));
    return config;
  }

  LatencyProbe start() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.ARTICLE_VERSIONS, Topics.FIGURES)) {
      consumer
          .partitionsFor(topic, Duration.ofMinutes(2))
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread.start();
    return this;
  }

  private void loop() {
    while (running) {
      var records = consumer.poll(Duration.ofMillis(100));
      long now = System.currentTimeMillis();
      synchronized (this) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
          if (r.topic().equals(Topics.ARTICLE_VERSIONS)) {
            announcements++;
            announcedAt.put(key(r), r.timestamp());
          }
        }
        for (ConsumerRecord<byte[], byte[]> r : records) {
          if (r.topic().equals(Topics.FIGURES)) {
            figure(r, now);
          }
        }
        // a figure seen before its announcement (another partition, polled later)
        List<ConsumerRecord<byte[], byte[]>> waiting = new ArrayList<>(early);
        early.clear();
        waiting.forEach(r -> figure(r, now));
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  private void figure(ConsumerRecord<byte[], byte[]> r, long now) {
    String pair = key(r);
    if (r.value() == null) {
      tombstones++;
      live.remove(pair);
      return;
    }
    Long announced = announcedAt.get(pair.substring(0, pair.indexOf('/')));
    if (announced == null) {
      early.add(r);
      return;
    }
    upserts++;
    live.add(pair);
    String partition = r.topic() + "-" + r.partition();
    lastUpsertOffset.merge(partition, r.offset(), Math::max);
    if (announced >= warmupEnd) {
      toFigures.recordValue(Math.min(MAX_MILLIS, Math.max(0, now - announced)));
      timedOffsets.computeIfAbsent(partition, p -> new TreeMap<>()).put(r.offset(), announced);
    }
  }

  private static String key(ConsumerRecord<byte[], byte[]> r) {
    return new String(r.key(), StandardCharsets.UTF_8);
  }

  synchronized long announcements() {
    return announcements;
  }

  synchronized long upserts() {
    return upserts;
  }

  /** Pair ids whose last record here is an upsert. */
  synchronized java.util.Set<String> livePairs() {
    return java.util.Set.copyOf(live);
  }

  synchronized long tombstones() {
    return tombstones;
  }

  /** The highest upsert offset seen on each figures partition ({@code figures-N}). */
  synchronized Map<String, Long> lastUpsertOffsets() {
    return Map.copyOf(lastUpsertOffset);
  }

  synchronized Histogram toFigures() {
    return toFigures.copy();
  }

  /**
   * Latency to the dataset: each timed upsert from its announcement to the first manifest commit
   * whose figures files cover its offset.
   */
  synchronized Histogram toCommit(List<ManifestProbe.Commit> commits) {
    Histogram h = new Histogram(MAX_MILLIS, 3);
    Map<String, TreeMap<Long, Long>> left = new HashMap<>();
    timedOffsets.forEach((p, m) -> left.put(p, new TreeMap<>(m)));
    for (ManifestProbe.Commit c : commits) {
      TreeMap<Long, Long> offsets = left.get(c.partition());
      if (offsets == null) {
        continue;
      }
      var covered = offsets.subMap(c.from(), true, c.to(), true);
      covered.values().forEach(a -> h.recordValue(Math.min(MAX_MILLIS, Math.max(0, c.at() - a))));
      covered.clear();
    }
    return h;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
