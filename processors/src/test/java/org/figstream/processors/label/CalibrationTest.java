package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.figstream.records.ConceptScore;
import org.figstream.records.Taxonomy;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static final List<ConceptScore> RAW =
      List.of(
          new ConceptScore("Tables", 0.1f),
          new ConceptScore("Plots and Charts", 0.6f),
          new ConceptScore("Microscopy", 0.3f));

  @Test
  void shouldSharpenTheScoresAndKeepTheirOrder() {
    List<ConceptScore> c = new Calibration(2, 0).apply(RAW);

    // 0.36, 0.09 and 0.01 over their sum 0.46
    assertThat(c)
        .extracting(ConceptScore::concept)
        .containsExactly("Plots and Charts", "Microscopy", "Tables");
    assertThat(c.get(0).score()).isCloseTo(0.36f / 0.46f, within(1e-6f));
    assertThat(c.get(1).score()).isCloseTo(0.09f / 0.46f, within(1e-6f));
    assertThat(c.get(2).score()).isCloseTo(0.01f / 0.46f, within(1e-6f));
  }

  @Test
  void shouldAnswerAmbiguousFirstUnderTheThreshold() {
    List<ConceptScore> flat = new Calibration(0.5, 0.5).apply(RAW);

    // the square roots over their sum: the top one 0.473, under one half
    double top = Math.sqrt(0.6f) / (Math.sqrt(0.6f) + Math.sqrt(0.3f) + Math.sqrt(0.1f));
    assertThat(flat)
        .extracting(ConceptScore::concept)
        .containsExactly(Taxonomy.AMBIGUOUS, "Plots and Charts", "Microscopy", "Tables");
    assertThat(flat.get(1).score()).isCloseTo((float) top, within(1e-6f));
    assertThat(flat.get(0).score()).isCloseTo(1 - flat.get(1).score(), within(1e-6f));
    assertThat(Calibration.bestGuess(flat).concept()).isEqualTo("Plots and Charts");
    assertThat(new Calibration(1, 0.5).apply(RAW).get(0).concept()).isEqualTo("Plots and Charts");
  }

  @Test
  void shouldLeaveScoresAsTheyAreWithoutCalibration() {
    assertThat(Calibration.NONE.apply(RAW)).containsExactly(RAW.get(1), RAW.get(2), RAW.get(0));
  }

  @Test
  void shouldRefuseASharpnessOrThresholdOutOfRange() {
    assertThatThrownBy(() -> new Calibration(0, 0.5)).hasMessageContaining("sharpness");
    assertThatThrownBy(() -> new Calibration(1, 1.5)).hasMessageContaining("[0, 1]");
  }
}
