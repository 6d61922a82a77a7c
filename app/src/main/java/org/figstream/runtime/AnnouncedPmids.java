package org.figstream.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.figstream.records.Announcement;
import org.figstream.records.Topics;
import org.figstream.topology.schema.TopicSerdes;

/**
 * The PMIDs to look up in PubMed: those of the versions announced on {@code article-versions} since
 * the last lookup, read with a consumer group of their own. The group's offsets move only after the
 * lookup's citations are acknowledged ({@link #done}), so a crash between an announcement and its
 * lookup repeats the lookup instead of losing it. Its first read starts at the beginning of the
 * topic: on a cluster that ran without PubMed, that looks up the articles already announced.
 */
public final class AnnouncedPmids implements AutoCloseable {
  /** Its consumer group; public for the Helm chart's tests (the app's ACLs must name it). */
  public static final String GROUP = "figstream-pubmed-lookup";

  private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

  private final Map<String, Object> kafka;

  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<Announcement> announcements =
      TopicSerdes.announcements().deserializer();
  private Map<TopicPartition, Long> read = Map.of();

  AnnouncedPmids(Map<String, Object> kafka) {
    this.kafka = kafka;
    // only for the group's offsets: TopicReader reads the topic
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    c.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The PMIDs announced after the group's offsets, up to the end of the topic now; withdrawals and
   * versions without a PMID are passed over. Nothing is marked done until {@link #done}.
   */
  Set<String> next() {
    Set<TopicPartition> partitions =
        consumer.partitionsFor(Topics.ARTICLE_VERSIONS).stream()
            .map(p -> new TopicPartition(Topics.ARTICLE_VERSIONS, p.partition()))
            .collect(Collectors.toSet());
    Map<TopicPartition, Long> from = new HashMap<>();
    consumer
        .committed(partitions)
        .forEach(
            (tp, at) -> {
              if (at != null) {
                from.put(tp, at.offset());
              }
            });
    Set<String> pmids = new LinkedHashSet<>();
    read =
        TopicReader.readFrom(
            kafka,
            Topics.ARTICLE_VERSIONS,
            from,
            READ_TIMEOUT,
            r -> {
              Announcement a = decode(r.value());
              if (a != null
                  && !a.withdraws()
                  && a.metadata() != null
                  && a.metadata().pmid() != null) {
                pmids.add(a.metadata().pmid());
              }
            });
    return pmids;
  }

  /**
   * An announcement, or null for one this figstream cannot read (the Streams app dead-letters it).
   */
  private Announcement decode(byte[] value) {
    try {
      return announcements.deserialize(Topics.ARTICLE_VERSIONS, value);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Marks what the last {@link #next} returned as looked up. */
  void done() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    read.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
    consumer.commitSync(offsets);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
