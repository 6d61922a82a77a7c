package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptionSentencesTest {
  @Test
  void shouldLeaveOutTheTitleAndFragmentsOfUnderThreeWords() {
    String caption =
        "c-Myc induction increases total RNA. (A) Western blot of lysates. Bars, SEM. "
            + "Data are mean ± SEM of three experiments.";

    assertThat(CaptionSentences.all(caption))
        .containsExactly(
            "c-Myc induction increases total RNA.",
            "(A) Western blot of lysates.",
            "Data are mean ± SEM of three experiments.");
    assertThat(CaptionSentences.of(caption))
        .containsExactly(
            "(A) Western blot of lysates.", "Data are mean ± SEM of three experiments.");
  }

  @Test
  void shouldGiveNoneForACaptionOfOneSentence() {
    assertThat(CaptionSentences.of("Western blot of the lysates of each clone.")).isEmpty();
    assertThat(CaptionSentences.of("Survival. Kaplan-Meier curves of both arms.")).isEmpty();
    assertThat(CaptionSentences.of("  ")).isEmpty();
    assertThat(CaptionSentences.of(null)).isEmpty();
  }

  @Test
  void shouldScoreAtMostElevenSentencesAfterTheTitle() {
    String caption =
        "Panel %d shows the cells. "
            .repeat(20)
            .formatted(java.util.stream.IntStream.range(0, 20).boxed().toArray());

    assertThat(CaptionSentences.all(caption)).hasSize(CaptionSentences.MAX);
    assertThat(CaptionSentences.of(caption))
        .hasSize(CaptionSentences.MAX - 1)
        .startsWith("Panel 1 shows the cells.");
  }
}
