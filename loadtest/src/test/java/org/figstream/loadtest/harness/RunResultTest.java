package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** CPU per figure from a run's samples. */
class RunResultTest {

  private static Sample at(double seconds, double figures, double cpu) {
    return new Sample(
        seconds, 0, 0, 0, figures, 0, 0, 0, 0, 0, cpu, Map.of(), 0, 0, Map.of(), Map.of());
  }

  private static RunResult of(List<Sample> samples) {
    return new RunResult(
        null,
        "",
        0,
        1,
        0,
        samples.get(samples.size() - 1).seconds(),
        samples,
        new Histogram(3),
        new Histogram(3),
        0,
        Set.of(),
        0,
        0,
        0,
        Map.of());
  }

  @Test
  void shouldLeaveTheWarmUpAndTheTailOutOfTheFullFlowFigure() {
    List<Sample> samples = new ArrayList<>();
    // 10 s of warm-up at 1 CPU-s a figure, 80 s at 0.25, a tail of 10 s at 2
    double cpu = 5;
    double figures = 0;
    samples.add(at(0, figures, cpu));
    for (int s = 1; s <= 100; s++) {
      double perFigure = s <= 10 ? 1 : s <= 90 ? 0.25 : 2;
      double done = s <= 10 ? 1 : s <= 90 ? 4 : 0.5;
      figures += done;
      cpu += done * perFigure;
      samples.add(at(s, figures, cpu));
    }
    RunResult r = of(samples);
    // 335 figures: 10 + 320 + 5; 10 + 80 + 10 = 100 CPU-s after the first sample
    assertThat(r.last().figures()).isEqualTo(335);
    assertThat(r.cpuSecondsPerFigure()).isEqualTo(100.0 / 335);
    // a quarter (83.75) is reached at 86 figures, nine tenths (301.5) at 302: both in full flow
    assertThat(r.steadyCpuSecondsPerFigure()).isEqualTo(0.25);
    // the first tenth (33.5 figures, reached at 16 s with 34) is mostly warm-up: 10 figures at 1,
    // then 24 at 0.25; the last tenth (301.5 to 335) holds the 5 tail figures at 2
    assertThat(r.cpuSecondsPerFigure(0, 0.1)).isEqualTo((10 + 24 * 0.25) / 34);
    assertThat(r.cpuSecondsPerFigure(0.9, 1)).isEqualTo((28 * 0.25 + 5 * 2) / 33);
    // 86 figures at 29 s, 302 at 83 s: 54 CPU-s over 54 s, one core
    assertThat(r.steadyCoresBusy()).isEqualTo(1.0);
    assertThat(r.steadyFiguresPerSecond()).isEqualTo(4.0); // 216 figures in 54 s
  }

  @Test
  void shouldSayNothingOfAFullFlowWhereEveryFigureCameInOneSample() {
    RunResult r = of(List.of(at(0, 0, 3), at(1, 0, 4), at(2, 40, 10)));
    assertThat(r.steadyCpuSecondsPerFigure()).isNaN();
    assertThat(r.steadyCoresBusy()).isNaN();
    assertThat(r.steadyFiguresPerSecond()).isNaN();
  }
}
