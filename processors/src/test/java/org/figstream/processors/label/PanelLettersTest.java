package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.figstream.records.OcrBox;
import org.figstream.records.OcrLine;
import org.junit.jupiter.api.Test;

class PanelLettersTest {
  private static final String UNNAMED = "Expression of the reporter in each condition.";

  private static OcrLine line(String text, float score) {
    return new OcrLine(text, new OcrBox(0, 0, 10, 10), score);
  }

  @Test
  void shouldReadLoneLettersInAnyOfTheirFormsAsPanelLetters() {
    List<OcrLine> lines =
        List.of(
            line("A", 0.99f),
            line("(b)", 0.95f),
            line("C.", 0.9f),
            line("d)", 0.85f),
            line(" e ", 0.9f),
            line("B", 0.97f));

    assertThat(PanelLetters.of(lines)).containsExactlyInAnyOrder('A', 'B', 'C', 'D', 'E');
  }

  @Test
  void shouldNotTakeWordsLettersBeyondHOrUnsureReadingsForPanelLetters() {
    List<OcrLine> lines =
        List.of(
            line("Actin", 0.99f),
            line("A B", 0.99f),
            line("K", 0.99f),
            line("x", 0.99f),
            line("AB", 0.99f),
            line("C", PanelLetters.MIN_SCORE - 0.01f),
            line("D", PanelLetters.MIN_SCORE));

    assertThat(PanelLetters.of(lines)).containsExactly('D');
    assertThat(PanelLetters.of(null)).isEmpty();
  }

  @Test
  void shouldMakeAFigureMultiPanelFromTwoLettersInItsImage() {
    assertThat(PanelType.of(UNNAMED)).isEqualTo(PanelType.SINGLE);
    assertThat(PanelType.of(UNNAMED, null)).isEqualTo(PanelType.SINGLE);
    assertThat(PanelType.of(UNNAMED, List.of(line("A", 0.99f), line("A", 0.98f))))
        .isEqualTo(PanelType.SINGLE);
    assertThat(PanelType.of(UNNAMED, List.of(line("A", 0.99f), line("b", 0.98f))))
        .isEqualTo(PanelType.MULTIPLE);
    // the caption's own say stands: a caption naming panels is multiple without any letters read
    assertThat(PanelType.of("(A) Control. (B) Treated.", List.of())).isEqualTo(PanelType.MULTIPLE);
  }
}
