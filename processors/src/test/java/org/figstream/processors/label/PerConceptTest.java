package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PerConceptTest {

  @Test
  void shouldCountPrecisionOverTheLabelledAndRecallOverTheHandLabelled() {
    Map<String, Map<String, Integer>> confusion =
        Map.of(
            "Plots and Charts", Map.of("Plots and Charts", 8, "Microscopy", 2),
            "Microscopy", Map.of("Microscopy", 3, "Plots and Charts", 1),
            "Maps", Map.of("Plots and Charts", 1));

    Map<String, PerConcept.Counts> per = PerConcept.of(confusion);

    assertThat(per.get("Plots and Charts")).isEqualTo(new PerConcept.Counts(10, 10, 8));
    assertThat(per.get("Microscopy")).isEqualTo(new PerConcept.Counts(4, 5, 3));
    assertThat(per.get("Microscopy").precision()).isEqualTo(0.6);
    assertThat(per.get("Microscopy").recall()).isEqualTo(0.75);
    // a concept never answered has no precision, and recall 0
    assertThat(per.get("Maps")).isEqualTo(new PerConcept.Counts(1, 0, 0));
    assertThat(per.get("Maps").precision()).isNaN();
    assertThat(PerConcept.report(confusion))
        .contains(
            String.format("  %-36s %4d %4d %4d  %5.3f %5.3f%n", "Microscopy", 4, 5, 3, 0.6, 0.75));
  }
}
