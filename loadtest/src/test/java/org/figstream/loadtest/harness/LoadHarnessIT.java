package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.figstream.loadtest.generate.ArticlePlan;
import org.figstream.loadtest.generate.ArticlePlanner;
import org.figstream.processors.api.StageTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reduced load run: the smoke workload through the packaged {@code figstream run} (failsafe,
 * after the app is packaged), its figures, latencies and report checked against the corpus plan.
 */
class LoadHarnessIT {

  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  @Test
  void shouldRunTheSmokeWorkloadAndReportWhatTheCorpusImplies(@TempDir Path dir) throws Exception {
    Workload smoke = Workload.read(Path.of("workloads/smoke.yaml"));
    RunResult r = LoadHarness.run(smoke, dir, System.out);

    ArticlePlanner planner = new ArticlePlanner(smoke.generator());
    Set<String> expected = new TreeSet<>();
    long changes = 0;
    for (int i = 0; i < smoke.articles(); i++) {
      ArticlePlanner.Fate fate = planner.fate(i);
      changes += fate == ArticlePlanner.Fate.NONE ? 0 : 1;
      if (fate == ArticlePlanner.Fate.NONE || fate == ArticlePlanner.Fate.REVISED) {
        ArticlePlan latest = planner.plan(i, fate == ArticlePlanner.Fate.REVISED ? 2 : 1);
        latest.images().forEach(f -> expected.add(latest.pmcid() + "/" + f.id() + "/1"));
      }
    }
    // the workload exercises every kind of change, and the run ends with exactly the planned pairs
    assertThat(changes).isPositive();
    assertThat(r.expectedAnnouncements()).isEqualTo(smoke.articles() + changes);
    assertThat(new TreeSet<>(r.livePairs())).isEqualTo(expected);
    // a version that left the bucket before it was fetched is a dead letter (404): at most one
    // per change, and how many depends on when the feed read which day
    assertThat(r.last().deadLetters()).isLessThanOrEqualTo(changes);
    assertThat(r.exitCode()).isEqualTo(128 + 15);
    // every upsert timed (no warm-up), each to figures and to its Parquet commit
    assertThat(r.toFigures().getTotalCount()).isEqualTo(r.upserts());
    assertThat(r.toCommit().getTotalCount()).isEqualTo(r.upserts());
    assertThat(r.toCommit().getMaxValue()).isGreaterThanOrEqualTo(r.toFigures().getMinValue());
    assertThat(r.last().figures()).isGreaterThanOrEqualTo(expected.size());
    // the app timed each of its stages
    assertThat(r.last().stageSeconds()).containsOnlyKeys(StageTimes.ALL);
    // the harness scrapes Sample.METERS only: what Sample reads must be among them, or it reads 0
    assertThat(r.last().announced()).isBetween(1.0, (double) r.expectedAnnouncements());
    assertThat(r.last().passes()).isPositive();
    assertThat(r.last().heapUsed()).isPositive();
    assertThat(r.last().rocksDbLimit()).isEqualTo(64.0 * 1024 * 1024); // --state-memory-mb 64
    assertThat(r.last().modelCalls()).containsOnlyKeys("embed-image", "embed-text");
    r.last()
        .modelCalls()
        .forEach(
            (batcher, calls) ->
                assertThat(r.last().modelInputs().get(batcher))
                    .as(batcher)
                    .isGreaterThanOrEqualTo(calls)
                    .isPositive());

    Path report = LoadReport.write(r, dir.resolve("report"));
    assertThat(Files.readString(report))
        .contains("# Load run: smoke")
        .contains("| offered | 1.00 articles/s |")
        .contains("| the record on figures | " + r.upserts() + " |")
        .contains(expected.size() + " live pairs at the end")
        .contains("## Model calls");
    for (String png : Set.of("throughput", "lag", "latency", "stages", "memory")) {
      BufferedImage image = ImageIO.read(dir.resolve("report/" + png + ".png").toFile());
      assertThat(image.getWidth()).as(png).isEqualTo(ReportCharts.WIDTH);
    }
    assertThat(Files.readAllLines(dir.resolve("report/samples.csv")))
        .hasSize(r.samples().size() + 1);
  }
}
