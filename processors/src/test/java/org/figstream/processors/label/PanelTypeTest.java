package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.figstream.processors.testdata.SampleFigures;
import org.figstream.records.FigureKind;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PanelTypeTest {
  private static final String ELIFE = "doi:10.7554/eLife.";
  private static final String PONE = "doi:10.1371/journal.pone.";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // "... (A) Before the cells divide ... (B) ..."
        ELIFE + "19405/fig1/1 | (A) Before the cells divide",
        // "(A) seed length and (B) seed weight"
        PONE + "0056489/pone-0056489-g001/1 | (A) seed length and (B) seed weight",
        // "(a) MA consumption and (b) total volume consumed"
        ELIFE + "46472/fig1/1 | (a) MA consumption and (b) total volume consumed",
        // "(A–B, E–F) Gene expression data ..."
        ELIFE + "30274/fig2s1/1 | (A–B, E–F)",
        // "(a)(c)(d)(e)(f) Average claims ..."
        PONE + "0093988/pone-0093988-g002/1 | (a)(c)(d)(e)(f)",
        // "... (left/right panel)."
        PONE + "0038869/pone-0038869-g009/1 | (left/right panel)",
      })
  void shouldReadRealMultiPanelCaptionsAsMultiple(String pairId, String cue) {
    FigureRecord figure = SampleFigures.get(pairId);

    assertThat(figure.caption()).contains(cue);
    assertThat(PanelType.of(figure.caption())).isEqualTo(PanelType.MULTIPLE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        PONE + "0056489/pone-0056489-t001/1",
        PONE + "0091296/pone-0091296-t004/1",
        PONE + "0038869/pone-0038869-t001/1",
      })
  void shouldReadRealTableCaptionsAsSingle(String pairId) {
    FigureRecord table = SampleFigures.get(pairId);

    assertThat(table.kind()).isEqualTo(FigureKind.TABLE);
    assertThat(PanelType.of(table.caption())).isEqualTo(PanelType.SINGLE);
  }

  @Test
  void shouldCallAnImageWithGuttersMultipleUnlessItIsATable() {
    String caption = "Growth curves of three strains.";

    assertThat(PanelType.ofFigure(figure(caption, false, 4))).isEqualTo(PanelType.MULTIPLE);
    assertThat(PanelType.ofFigure(figure(caption, false, 1))).isEqualTo(PanelType.SINGLE);
    assertThat(PanelType.ofFigure(figure(caption, false, null))).isEqualTo(PanelType.SINGLE);
    // a table's rows are set apart by blank bands too
    assertThat(PanelType.ofFigure(figure(caption, true, 3))).isEqualTo(PanelType.SINGLE);
    assertThat(PanelType.ofFigure(figure("(A) One. (B) Two.", false, 1)))
        .isEqualTo(PanelType.MULTIPLE);
  }

  private static LabelInput figure(String caption, boolean table, Integer panels) {
    return new LabelInput(caption, table, null, List.of(), null, null, null, null, panels);
  }

  @Test
  void shouldReadRealSinglePanelCaptionsWithBracketsAsSingle() {
    // "... observed heterozygosity (Ho) in artificial populations of Platycladus orientalis(Mean ±
    // S.E.)."
    FigureRecord figure = SampleFigures.get(PONE + "0056489/pone-0056489-g003/1");

    assertThat(figure.caption()).contains("(DBH)", "(Ho)", "(Mean ± S.E.)");
    assertThat(PanelType.of(figure.caption())).isEqualTo(PanelType.SINGLE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Growth curves (A–C) of three strains.",
        "Growth curves (A-C) of three strains.",
        "Growth curves of the mutants (b—d).",
        "Scale bar, 10 µm (A–D).",
        "A) Growth of the wild type. B) Growth of the mutant.",
        "A. Overview of the field. B. Detail of the boxed area.",
        "Wild type is shown in the left panel.",
        "Controls are in the upper two panels.",
        "Expression in the liver (a) and (b) kidney.",
        "Expression in the liver and kidney (A, B).",
        "Expression in the liver and kidney (A,B).",
      })
  void shouldReadNamedPanelsAndRangesAsMultiple(String caption) {
    assertThat(PanelType.of(caption)).isEqualTo(PanelType.MULTIPLE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Western blot of whole-cell lysates (A).",
        "(E) Only one panel is named.",
        "Body weight of treated mice (n = 5).",
        "Survival of treated mice (P < 0.05).",
        "Data are mean ± SEM (error bars); *P < 0.05.",
        "Map of the sampling sites (c) 2012 OpenStreetMap.",
        "Effect size (d = 0.5) of the treatment on growth (B).",
        "Growth of E. coli and B. subtilis cultures overnight.",
      })
  void shouldReadCaptionsWithoutTwoPanelsAsSingle(String caption) {
    assertThat(PanelType.of(caption)).isEqualTo(PanelType.SINGLE);
  }

  @Test
  void shouldReadNoCaptionAsSingle() {
    assertThat(PanelType.of(null)).isEqualTo(PanelType.SINGLE);
    assertThat(PanelType.of("")).isEqualTo(PanelType.SINGLE);
  }
}
