package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whitespace normalisation while text is built from markup. */
class NormalizedTextTest {

  @Test
  void shouldCollapseWhiteSpaceRunsAndTrimTheEnds() {
    NormalizedText text = new NormalizedText();
    text.append("  \n\tCells \r\n  grew\u00A0\u00A0fast \t");

    assertThat(text).hasToString("Cells grew fast");
    assertThat(text.length()).isEqualTo(15);
  }

  @Test
  void shouldJoinInlineMarkupWithoutInventingSpaces() {
    NormalizedText text = new NormalizedText();
    text.append("E. coli");
    text.append("s grew");

    assertThat(text).hasToString("E. colis grew");
  }

  @Test
  void shouldSeparateBlocksWithOneSpace() {
    NormalizedText text = new NormalizedText();
    text.boundary();
    text.append("Title");
    text.boundary();
    text.append(" Paragraph ");
    text.boundary();
    text.boundary();
    text.append("Next");

    assertThat(text).hasToString("Title Paragraph Next");
  }

  @Test
  void shouldTellWhereTheNextCharacterLands() {
    NormalizedText text = new NormalizedText();
    assertThat(text.nextPosition()).isZero();
    assertThat(text.isEmpty()).isTrue();

    text.append("See ");
    assertThat(text.length()).isEqualTo(3);
    assertThat(text.nextPosition()).isEqualTo(4);
    text.append("Fig. 1");
    assertThat(text).hasToString("See Fig. 1");
    assertThat(text.nextPosition()).isEqualTo(10);
  }
}
