package org.figstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.figstream.processors.api.StageTimes;
import org.figstream.records.EnrichedArticle;
import org.figstream.topology.dedup.DedupSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dedup and ledger processors time each {@code process} call on the registry the topology
 * factory is given: one per record on enriched, whatever becomes of it (a new pair, a duplicate, a
 * stale version, a withdrawal from the gate), and nothing for the gate's own records.
 */
class StageTimingTest {
  @TempDir Path state;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private Timer stage(String stage) {
    return registry.get(StageTimes.METRIC).tag("stage", stage).timer();
  }

  @Test
  void shouldTimeEachDedupAndLedgerCallOncePerEnrichedRecord() {
    StageTimes times = StageTimes.on(registry);
    StageTimes.ALL.forEach(s -> assertThat(stage(s).count()).as(s).isZero());
    try (TopologyFixture t = new TopologyFixture(state, DedupSettings.DEFAULTS, times)) {
      EnrichedArticle[] records = {
        DedupTest.article("PMC1", 2, DedupTest.G1),
        DedupTest.article("PMC2", 1, DedupTest.G1), // an exact duplicate of PMC1's
        DedupTest.article("PMC3", 1, DedupTest.G2),
        DedupTest.article("PMC1", 1, DedupTest.G1), // older than the ledger's: stale
      };
      for (EnrichedArticle a : records) {
        t.enriched.pipeInput(a.pmcid(), a);
      }
      assertThat(stage(StageTimes.DEDUP).count()).isEqualTo(4);
      assertThat(stage(StageTimes.LEDGER).count()).isEqualTo(4);

      // the gate is not timed; the withdrawal it sends through the stage passes dedup and ledger
      // once
      t.announce(TopologyFixture.version("PMC3", 1, "e1", false));
      t.announce(TopologyFixture.version("PMC3", 1, "e2", true));
      assertThat(t.passWithdrawals()).hasSize(1);
      assertThat(stage(StageTimes.DEDUP).count()).isEqualTo(5);
      assertThat(stage(StageTimes.LEDGER).count()).isEqualTo(5);
    }
    assertThat(stage(StageTimes.DEDUP).totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(stage(StageTimes.LEDGER).totalTime(TimeUnit.NANOSECONDS)).isPositive();
    for (String other :
        new String[] {
          StageTimes.FETCH,
          StageTimes.EXTRACT,
          StageTimes.IMAGE,
          StageTimes.EMBED,
          StageTimes.LABEL,
          StageTimes.SINK
        }) {
      assertThat(stage(other).count()).as(other).isZero();
    }
  }

  @Test
  void shouldRecordNothingWithoutTimes() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      EnrichedArticle a = DedupTest.article("PMC1", 1, DedupTest.G1);
      t.enriched.pipeInput(a.pmcid(), a);
      assertThat(t.figures.readKeyValuesToList()).hasSize(1);
    }
    assertThat(registry.find(StageTimes.METRIC).timers()).isEmpty();
  }
}
