package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.figstream.records.Topics;
import org.figstream.topology.FigstreamTopology;
import org.junit.jupiter.api.Test;

class LedgerShareTest {

  @Test
  void shouldFindTheLedgersSubtopologyFedByTheEnrichedTopic() {
    LedgerShare.Locator at = LedgerShare.Locator.of(FigstreamTopology.buildTopology());
    assertThat(at.sourceTopic()).isEqualTo(Topics.ENRICHED);
    // versions (gate) is sub-topology 0; enriched (dedup, ledger) the next
    assertThat(at.subtopology()).isEqualTo(1);
  }

  @Test
  void shouldSayWhenASummaryCountsOnlyThisInstancesShare() {
    assertThat(new LedgerShare(6, 6).note()).isEmpty();
    assertThat(new LedgerShare(2, 6).note()).isEqualTo(" (this instance's 2 of 6 partitions)");
  }

  @Test
  void shouldCountAgainWhenARebalanceMovesTheLedgersPartitionsMeanwhile() throws Exception {
    // looks at the local partitions: before and after the first count, then the second
    ArrayDeque<Set<Integer>> looks =
        new ArrayDeque<>(List.of(Set.of(0, 1), Set.of(1), Set.of(1), Set.of(1)));
    AtomicInteger counts = new AtomicInteger();
    LedgerShare.Read<Integer> read =
        LedgerShare.between(looks::poll, 6, counts::incrementAndGet, 3);
    assertThat(read.value()).isEqualTo(2);
    assertThat(read.share()).isEqualTo(new LedgerShare(1, 6));
    assertThat(read.settled()).isTrue();
    assertThat(read.note()).isEqualTo(" (this instance's 1 of 6 partitions)");
    assertThat(looks).isEmpty();
  }

  @Test
  void shouldGiveUpAfterItsTriesWithTheShareSeenLast() throws Exception {
    ArrayDeque<Set<Integer>> looks =
        new ArrayDeque<>(
            List.of(Set.of(0), Set.of(1), Set.of(1), Set.of(2), Set.of(2), Set.of(2, 3)));
    AtomicInteger counts = new AtomicInteger();
    LedgerShare.Read<Integer> read =
        LedgerShare.between(looks::poll, 4, counts::incrementAndGet, 3);
    assertThat(read.value()).isEqualTo(3);
    assertThat(read.share()).isEqualTo(new LedgerShare(2, 4));
    assertThat(read.settled()).isFalse();
    assertThat(read.note())
        .isEqualTo(" (this instance's 2 of 4 partitions) (partitions moving while counted)");
  }
}
