package org.figstream.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
final class AnnouncedPmids implements AutoCloseable {
  static final String GROUP = "figstream-pubmed-lookup";
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Deserializer<Announcement> announcements =
      TopicSerdes.announcements().deserializer();
  private Map<TopicPartition, Long> read = Map.of();

  AnnouncedPmids(Map<String, Object> kafka) {
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    c.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The PMIDs announced after the group's offsets, up to the end of the topic now; withdrawals and
   * versions without a PMID are passed over. Nothing is marked done until {@link #done}.
   */
  Set<String> next() {
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.ARTICLE_VERSIONS).stream()
            .map(p -> new TopicPartition(Topics.ARTICLE_VERSIONS, p.partition()))
            .toList();
    consumer.assign(partitions);
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata at = committed.get(tp);
      if (at == null) {
        consumer.seekToBeginning(List.of(tp));
      } else {
        consumer.seek(tp, at.offset());
      }
    }
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Set<String> pmids = new LinkedHashSet<>();
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
        Announcement a = decode(r.value());
        if (a != null && !a.withdraws() && a.metadata() != null && a.metadata().pmid() != null) {
          pmids.add(a.metadata().pmid());
        }
      }
    }
    Map<TopicPartition, Long> positions = new HashMap<>();
    partitions.forEach(tp -> positions.put(tp, consumer.position(tp)));
    read = positions;
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
