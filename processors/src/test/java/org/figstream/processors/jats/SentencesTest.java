package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sentence around a figure citation, in prose full of abbreviations and initials. */
class SentencesTest {

  @Test
  void shouldBreakAtOrdinarySentenceEnds() {
    String text = "First sentence here. Second one cites Fig. 1 clearly. Third sentence.";

    assertThat(around(text, "Second")).isEqualTo("Second one cites Fig. 1 clearly.");
    assertThat(around(text, "First")).isEqualTo("First sentence here.");
    assertThat(around(text, "Third")).isEqualTo("Third sentence.");
  }

  @Test
  void shouldBreakAtQuestionAndExclamationMarks() {
    String text = "Does it grow? It grows (Figure 3)! Yes.";

    assertThat(around(text, "Figure 3")).isEqualTo("It grows (Figure 3)!");
  }

  @Test
  void shouldNotBreakAfterFigAndFigs() {
    String text =
        "Before. Cells grew (Fig. 2A) as in Figs. 3 and 4, and Supplementary Fig. S2 shows more. After.";

    assertThat(around(text, "Fig. 2A"))
        .isEqualTo(
            "Cells grew (Fig. 2A) as in Figs. 3 and 4, and Supplementary Fig. S2 shows more.");
    assertThat(around(text, "Fig. S2"))
        .isEqualTo(
            "Cells grew (Fig. 2A) as in Figs. 3 and 4, and Supplementary Fig. S2 shows more.");
  }

  @Test
  void shouldNotBreakAfterAbbreviationsInBracketsOrQuotes() {
    String text =
        "Before. As shown [Fig. S2] and (Fig. S3), cells grew. The \"e.g. The\" form is rare. After.";

    assertThat(around(text, "cells")).isEqualTo("As shown [Fig. S2] and (Fig. S3), cells grew.");
    assertThat(around(text, "rare")).isEqualTo("The \"e.g. The\" form is rare.");
  }

  @Test
  void shouldNotBreakAfterEtAl() {
    String text =
        "Intro. As shown by Smith et al. (2010) and Jones et al. Nature 2011, cells grow (Figure 1). Next.";

    assertThat(around(text, "Figure 1"))
        .isEqualTo(
            "As shown by Smith et al. (2010) and Jones et al. Nature 2011, cells grow (Figure 1).");
  }

  @Test
  void shouldNotBreakAfterEgAndIe() {
    String text =
        "Markers (e.g. CD4 and CD8) were stained, i.e. The two lineages (Figure 2). Next one.";

    assertThat(around(text, "Figure 2"))
        .isEqualTo("Markers (e.g. CD4 and CD8) were stained, i.e. The two lineages (Figure 2).");
  }

  @Test
  void shouldNotBreakAfterInitials() {
    String text = "Data were provided by J. Smith and J. R. R. Tolkien (Figure 4). Thanks.";

    assertThat(around(text, "Figure 4"))
        .isEqualTo("Data were provided by J. Smith and J. R. R. Tolkien (Figure 4).");
    assertThat(around(text, "Smith"))
        .isEqualTo("Data were provided by J. Smith and J. R. R. Tolkien (Figure 4).");
  }

  @Test
  void shouldNotBreakBeforeLowerCaseContinuation() {
    String text =
        "Samples were kept at 4 deg. overnight and at room temp. before use (Figure 5). Next.";

    assertThat(around(text, "Figure 5"))
        .isEqualTo(
            "Samples were kept at 4 deg. overnight and at room temp. before use (Figure 5).");
  }

  @Test
  void shouldWidenToEverySentenceTheCitationSpans() {
    String text = "One. Two cites Figure 6. Three continues it. Four.";
    int start = text.indexOf("Figure 6");
    int end = text.indexOf("continues") + "continues".length();

    assertThat(Sentences.around(text, start, end))
        .isEqualTo("Two cites Figure 6. Three continues it.");
  }

  @Test
  void shouldHandleTextEdges() {
    assertThat(Sentences.around("", 0, 0)).isEmpty();
    assertThat(Sentences.around("Figure 7 alone", 0, 14)).isEqualTo("Figure 7 alone");
    assertThat(Sentences.around("Ends with Figure 8", 10, 99)).isEqualTo("Ends with Figure 8");
  }

  private static String around(String text, String citation) {
    int start = text.indexOf(citation);
    assertThat(start).as("citation in text").isNotNegative();
    return Sentences.around(text, start, start + citation.length());
  }
}
