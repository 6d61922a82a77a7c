package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadTest {

  @Test
  void shouldReadEveryShippedWorkloadUnderItsOwnName() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("workloads"))) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "backfill-1000-g1.yaml",
            "backfill-1000-int8.yaml",
            "backfill-2000.yaml",
            "backfill-512m-2000.yaml",
            "backfill-512m.yaml",
            "backfill.yaml",
            "cluster-kafka.yaml",
            "kafka-overhead.yaml",
            "labels-cost.yaml",
            "live-100x.yaml",
            "live-1x.yaml",
            "live-30x-settle.yaml",
            "live-30x.yaml",
            "live-35x-backfill.yaml",
            "live-35x-settle.yaml",
            "live-35x.yaml",
            "smoke.yaml");
    for (Path f : files) {
      assertThat(Workload.read(f).name() + ".yaml").isEqualTo(f.getFileName().toString());
    }
  }

  @Test
  void shouldRunTheLabelCostWorkloadWithoutLabelsAsItsOnlyDifference() throws Exception {
    Workload on = Workload.read(Path.of("workloads/labels-cost.yaml"));
    Workload given =
        new Workload(
            1,
            "w",
            null,
            5,
            10,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            null,
            List.of("--labels", "biomedica-clusters", "--ocr"),
            List.of("-XX:+UseParallelGC"));

    Workload off = LabelCost.withoutLabels(on);
    assertThat(off.args()).containsExactly("--labels", "none");
    assertThat(off.name()).isEqualTo("labels-cost-labels-none");
    assertThat(List.of(off.seed(), off.articles(), off.rate(), off.heap()))
        .isEqualTo(List.of(on.seed(), on.articles(), on.rate(), on.heap()));
    // a labels option the workload gives is replaced, the others kept
    assertThat(LabelCost.withoutLabels(given).args()).containsExactly("--ocr", "--labels", "none");
    assertThat(LabelCost.withoutLabels(given).jvm()).containsExactly("-XX:+UseParallelGC");
  }

  @Test
  void shouldRunFigstreamOnTheLaunchersCollectorUnlessTheWorkloadNamesOne() throws Exception {
    Workload shipped = Workload.read(Path.of("workloads/kafka-overhead.yaml"));
    assertThat(FigstreamChild.jvmOptions(shipped)).containsExactly("-XX:+UseParallelGC");
    assertThat(FigstreamChild.jvmOptions(withJvm(shipped, List.of("-Xlog:gc"))))
        .containsExactly("-XX:+UseParallelGC", "-Xlog:gc");
    assertThat(FigstreamChild.jvmOptions(withJvm(shipped, List.of("-XX:+UseG1GC"))))
        .containsExactly("-XX:+UseG1GC");
  }

  private static Workload withJvm(Workload w, List<String> jvm) {
    return w.with(w.name(), w.args(), jvm);
  }

  @Test
  void shouldTurnTheRateIntoInventoryDays() throws Exception {
    Workload live = Workload.read(Path.of("workloads/live-100x.yaml"));
    // 5 articles/s, a day every 10 s: 50 articles a day, 300 articles in 6 days and one of changes
    assertThat(live.articlesPerDay()).isEqualTo(50);
    assertThat(live.generator().days()).isEqualTo(7);
    Workload backfill = Workload.read(Path.of("workloads/backfill.yaml"));
    assertThat(backfill.backfill()).isTrue();
    assertThat(backfill.articlesPerDay()).isEqualTo(300);
    assertThat(backfill.generator().days()).isEqualTo(2);
    // unset: the generator's default change mix and a 1.5 GB heap
    assertThat(live.changes()).isEqualTo(new Workload.Changes(0.05, 0.005, 0.01));
    assertThat(live.heap()).isEqualTo("1536m");
  }

  @Test
  void shouldRefuseAKeyItDoesNotKnow(@TempDir Path dir) throws Exception {
    Path f =
        Files.writeString(dir.resolve("typo.yaml"), "version: 1\nname: t\narticles: 1\nrat: 5\n");
    assertThatThrownBy(() -> Workload.read(f))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("\"rat\"");
  }

  @Test
  void shouldRefuseAnUnknownFormatVersion(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("v2.yaml"), "version: 2\nname: t\narticles: 1\n");
    assertThatThrownBy(() -> Workload.read(f))
        .hasRootCauseMessage("workload format version 2: only 1 is known");
  }
}
