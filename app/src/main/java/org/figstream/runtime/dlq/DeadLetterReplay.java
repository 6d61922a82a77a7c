package org.figstream.runtime.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.records.Announcement;
import org.figstream.records.Change;
import org.figstream.records.DeadLetter;
import org.figstream.records.Headers;
import org.figstream.records.Topics;
import org.figstream.runtime.TopicReader;
import org.figstream.topology.schema.TopicSerdes;

/**
 * Replays dead letters: finds the ones that match, looks up the newest announcement of each of
 * their articles on {@code article-versions}, and announces it again with the {@link
 * Headers#REPLAY} header, which makes the version gate let a version it has seen through once more.
 * A dead letter says which article failed, not its announcement, so an article whose announcements
 * are past the topic's retention cannot be replayed: the plan names those.
 */
public final class DeadLetterReplay {

  /** Which dead letters to replay; an empty set matches everything. */
  public record Filter(Set<String> reasons, Set<String> pmcids, Set<String> stages) {
    boolean matches(DeadLetter d) {
      return (reasons.isEmpty() || reasons.contains(d.reason()))
          && (pmcids.isEmpty() || pmcids.contains(d.pmcid()))
          && (stages.isEmpty() || stages.contains(d.stage()));
    }
  }

  /**
   * What a replay would do: the dead letters matched (by stage and reason), the newest announcement
   * of each of their articles, and the articles with none left to replay.
   */
  public record Plan(
      int deadLetters,
      Map<String, Integer> byReason,
      Map<String, Announcement> announcements,
      Map<String, String> reasons,
      Set<String> notFound) {}

  private final Map<String, Object> kafka;
  private final Duration timeout;

  public DeadLetterReplay(Map<String, Object> kafka, Duration timeout) {
    this.kafka = kafka;
    this.timeout = timeout;
  }

  public Plan plan(Filter filter) {
    var deadLetters = TopicSerdes.deadLetters().deserializer();
    Map<String, Integer> byReason = new TreeMap<>();
    Map<String, String> reasonOf = new LinkedHashMap<>();
    int[] matched = {0};
    TopicReader.readAll(
        kafka,
        Topics.DLQ,
        timeout,
        r -> {
          DeadLetter d = r.value() == null ? null : deadLetters.deserialize(Topics.DLQ, r.value());
          if (d != null && filter.matches(d)) {
            matched[0]++;
            byReason.merge(d.stage() + "/" + d.reason(), 1, Integer::sum);
            if (d.pmcid() != null) {
              reasonOf.put(d.pmcid(), d.reason());
            }
          }
        });
    var announcements = TopicSerdes.announcements().deserializer();
    Map<String, Announcement> newest = new HashMap<>();
    TopicReader.readAll(
        kafka,
        Topics.ARTICLE_VERSIONS,
        timeout,
        r -> {
          if (r.value() == null || !reasonOf.containsKey(r.key())) {
            return;
          }
          Announcement a = announcements.deserialize(Topics.ARTICLE_VERSIONS, r.value());
          Announcement before = newest.get(a.pmcid());
          if (a.change() == Change.VERSION && (before == null || a.version() >= before.version())) {
            newest.put(a.pmcid(), a);
          }
        });
    Map<String, Announcement> found = new TreeMap<>(newest);
    Set<String> notFound = new TreeSet<>(reasonOf.keySet());
    notFound.removeAll(found.keySet());
    return new Plan(matched[0], byReason, found, reasonOf, notFound);
  }

  /** Announces the plan's versions again, in one transaction; returns how many. */
  public int replay(Plan plan) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "figstream-dlq-replay");
    var serializer = TopicSerdes.announcements().serializer();
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    plan.announcements()
        .forEach(
            (pmcid, a) -> {
              var record =
                  new ProducerRecord<>(
                      Topics.ARTICLE_VERSIONS,
                      pmcid,
                      serializer.serialize(Topics.ARTICLE_VERSIONS, a));
              String reason = plan.reasons().getOrDefault(pmcid, "replay");
              record.headers().add(Headers.REPLAY, reason.getBytes(StandardCharsets.UTF_8));
              records.add(record);
            });
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      records.forEach(producer::send);
      producer.commitTransaction();
    }
    return records.size();
  }
}
