package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnrichFlowTest {

  @Test
  void shouldMeasureFromTheFigureThatMakesAQuarterToTheOneThatMakesNineTenths() {
    EnrichFlow flow = new EnrichFlow();
    // 100 figures: the first 20 slow (a second and 2 CPU-s each), then 80 at 0.1 s and 0.15
    double seconds = 0;
    double cpu = 3;
    for (int i = 1; i <= 100; i++) {
      seconds += i <= 20 ? 1 : 0.1;
      cpu += i <= 20 ? 2 : 0.15;
      flow.add(seconds, cpu);
    }
    // the 25th figure at 20.5 s, the 90th at 27 s: 65 figures in 6.5 s
    assertThat(flow.steadyFiguresPerSecond())
        .isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(flow.steadyCpuSecondsPerFigure())
        .isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void shouldSayNothingWithoutFigures() {
    EnrichFlow flow = new EnrichFlow();
    assertThat(flow.steadyFiguresPerSecond()).isNaN();
    flow.add(1, 1);
    assertThat(flow.steadyCpuSecondsPerFigure()).isNaN();
  }
}
