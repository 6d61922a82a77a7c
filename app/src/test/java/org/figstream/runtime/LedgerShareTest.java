package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

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
}
