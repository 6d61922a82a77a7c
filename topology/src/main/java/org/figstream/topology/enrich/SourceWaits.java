package org.figstream.topology.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.figstream.connectors.feed.http.OutageWait;
import org.figstream.records.Announcement;
import org.figstream.records.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions of enrich requests held back because the source was down for one of their
 * requests. A held partition is paused at that request, so that it and every later one (versions of
 * an article stay in order) are fetched again after a wait that doubles with each failed round up
 * to {@link OutageWait#MAX_WAIT} ({@link OutageWait#forRound}, the rounds the feed waits too), for
 * as long as the outage lasts; the consumer keeps polling meanwhile, so the stage stays in its
 * group and other partitions go on. Not thread-safe: the stage's thread owns it.
 */
final class SourceWaits {
  private static final Logger LOG = LoggerFactory.getLogger(SourceWaits.class);

  private record Wait(int rounds, long resumeAtMillis, boolean paused) {}

  private final Map<TopicPartition, Wait> waits = new HashMap<>();

  /**
   * For each partition of the batch that has a request whose source was unavailable, the offset of
   * the first such request: nothing from there on may be published or committed.
   */
  static Map<TopicPartition, Long> firstUnavailable(
      List<ConsumerRecord<String, Announcement>> batch, List<Enrichment.Result> results) {
    Map<TopicPartition, Long> held = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      ConsumerRecord<String, Announcement> r = batch.get(i);
      if (results.get(i).sourceUnavailable()) {
        held.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
      }
    }
    return held;
  }

  /**
   * Rewinds each held partition to its first unavailable request and pauses it for its wait; a
   * partition of the batch that is not held has gone through. Returns the requests put back.
   */
  int hold(
      Consumer<?, ?> consumer,
      Map<TopicPartition, Long> held,
      List<ConsumerRecord<String, Announcement>> batch,
      List<Enrichment.Result> results) {
    long now = System.currentTimeMillis();
    int deferred = 0;
    for (int i = 0; i < batch.size(); i++) {
      ConsumerRecord<String, Announcement> r = batch.get(i);
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      Long heldAt = held.get(tp);
      if (heldAt == null) {
        released(tp);
      } else if (r.offset() >= heldAt) {
        deferred++;
      }
      if (heldAt != null && r.offset() == heldAt) {
        consumer.seek(tp, heldAt);
        consumer.pause(List.of(tp));
        Duration wait = hold(tp, now);
        DeadLetter why = results.get(i).deadLetters().get(0);
        LOG.warn(
            "source unavailable for {} v{} ({}: {}); {} waits {} ms, then fetches it again",
            r.value().pmcid(),
            r.value().version(),
            why.reason(),
            why.message(),
            tp,
            wait.toMillis());
      }
    }
    return deferred;
  }

  /** Resumes the held partitions whose wait is over. */
  void resumeDue(Consumer<?, ?> consumer) {
    List<TopicPartition> due = due(System.currentTimeMillis());
    List<TopicPartition> assigned = new ArrayList<>();
    for (TopicPartition tp : due) {
      if (consumer.assignment().contains(tp)) {
        assigned.add(tp);
      } else {
        released(tp); // revoked meanwhile: it resumes from its committed offset wherever it goes
      }
    }
    if (!assigned.isEmpty()) {
      consumer.resume(assigned);
    }
  }

  /** Holds {@code partition} back for another round; returns how long it waits. */
  Duration hold(TopicPartition partition, long nowMillis) {
    Wait before = waits.get(partition);
    int rounds = before == null ? 1 : before.rounds() + 1;
    Duration wait = OutageWait.forRound(rounds);
    waits.put(partition, new Wait(rounds, nowMillis + wait.toMillis(), true));
    return wait;
  }

  /** The held partitions whose wait is over; they count as waiting until {@link #released}. */
  List<TopicPartition> due(long nowMillis) {
    List<TopicPartition> due = new ArrayList<>();
    waits.forEach(
        (tp, w) -> {
          if (w.paused() && w.resumeAtMillis() <= nowMillis) {
            due.add(tp);
          }
        });
    due.forEach(tp -> waits.computeIfPresent(tp, (k, w) -> new Wait(w.rounds(), 0, false)));
    return due;
  }

  /** A request of {@code partition} went through: its next outage starts from the first wait. */
  void released(TopicPartition partition) {
    waits.remove(partition);
  }

  /** Partitions waiting for the source: held back now, or resumed and not yet through. */
  int waiting() {
    return waits.size();
  }

  /** New clients after a restart resume from the committed offsets: nothing is held any more. */
  void clear() {
    waits.clear();
  }
}
