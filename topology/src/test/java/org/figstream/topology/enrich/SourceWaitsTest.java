package org.figstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.figstream.connectors.feed.http.OutageWait;
import org.figstream.records.Announcement;
import org.figstream.records.Change;
import org.figstream.records.DeadLetter;
import org.junit.jupiter.api.Test;

class SourceWaitsTest {
  private static final String TOPIC = "figstream-enrich-requests";

  private static ConsumerRecord<String, Announcement> request(int partition, long offset) {
    Announcement a =
        new Announcement(
            Change.VERSION,
            "metadata/PMC" + offset + ".1.json",
            "PMC" + offset,
            1,
            null,
            null,
            "test",
            null);
    return new ConsumerRecord<>(TOPIC, partition, offset, a.pmcid(), a);
  }

  private static Enrichment.Result result(ConsumerRecord<String, Announcement> r, boolean down) {
    DeadLetter d =
        new DeadLetter("fetch", "http-503", "down", "url", r.key(), 6, java.time.Instant.EPOCH);
    return new Enrichment.Result(r.value(), null, null, List.of(d), down);
  }

  @Test
  void shouldHoldEachPartitionAtItsFirstUnavailableRequest() {
    var p0a = request(0, 10);
    var p1a = request(1, 20);
    var p0b = request(0, 11);
    var p1b = request(1, 21);
    var p0c = request(0, 12);
    Map<TopicPartition, Long> held =
        SourceWaits.firstUnavailable(
            List.of(p0a, p1a, p0b, p1b, p0c),
            List.of(
                result(p0a, false),
                result(p1a, false),
                result(p0b, true),
                result(p1b, false),
                result(p0c, true)));

    // partition 0 stops at offset 11 (12 after it is redone too); partition 1 went through
    assertThat(held).containsExactly(Map.entry(new TopicPartition(TOPIC, 0), 11L));
  }

  @Test
  void shouldDoubleTheWaitEachRoundUpToTheCap() {
    for (int round = 1; round <= 12; round++) {
      long expected =
          Math.min(OutageWait.FIRST_WAIT.toMillis() << (round - 1), OutageWait.MAX_WAIT.toMillis());
      Duration wait = OutageWait.forRound(round);
      assertThat(wait.toMillis())
          .as("round " + round)
          .isBetween((long) (expected * 0.8), (long) (expected * 1.2));
    }
    assertThat(OutageWait.forRound(10_000).toMillis()).isLessThanOrEqualTo(72_000);
  }

  @Test
  void shouldResumeAPartitionOnlyOnceItsWaitIsOverAndForgetItOnceThrough() {
    SourceWaits waits = new SourceWaits();
    TopicPartition tp = new TopicPartition(TOPIC, 3);
    Duration first = waits.hold(tp, 1_000);

    assertThat(waits.due(1_000 + first.toMillis() - 1)).isEmpty();
    assertThat(waits.due(1_000 + first.toMillis())).containsExactly(tp);
    assertThat(waits.waiting()).isEqualTo(1); // resumed, not yet through
    Duration second = waits.hold(tp, 10_000);
    assertThat(second.toMillis()).isGreaterThanOrEqualTo((long) (2 * 2_000 * 0.8));
    waits.released(tp);
    assertThat(waits.waiting()).isZero();
    assertThat(waits.hold(tp, 20_000).toMillis()).isLessThanOrEqualTo(2_400);
  }
}
