package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildThreadCpuTest {

  @Test
  void shouldTabulateCpuPerFigureOfBothChildrenAndTheirDifference() {
    String table =
        ChildThreadCpu.table(
            Map.of("caption encoder", 100.0, "JIT compiler", 6.0),
            1000,
            Map.of("caption encoder", 104.0, "embedded broker", 5.0),
            1000);

    assertThat(table.split("\n"))
        .containsExactly(
            "| thread group | enrich | pipeline | difference |",
            "|---|---|---|---|",
            "| JIT compiler | 0.0060 | 0.0000 | -0.0060 |",
            "| caption encoder | 0.1000 | 0.1040 | +0.0040 |",
            "| embedded broker | 0.0000 | 0.0050 | +0.0050 |",
            "| all | 0.1060 | 0.1090 | +0.0030 |");
  }

  @Test
  void shouldTabulateOneChildsCpuPerFigureByGroup() {
    String table =
        ChildThreadCpu.table(Map.of("caption encoder", 90.0, "garbage collector", 4.5), 900);

    assertThat(table.split("\n"))
        .containsExactly(
            "| thread group | CPU-s per figure |",
            "|---|---|",
            "| caption encoder | 0.1000 |",
            "| garbage collector | 0.0050 |",
            "| all | 0.1050 |");
  }
}
