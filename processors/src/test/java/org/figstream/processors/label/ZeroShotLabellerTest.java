package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.embed.TextRole;
import org.figstream.records.ConceptLabels;
import org.figstream.records.ConceptScore;
import org.figstream.records.Embedding;
import org.figstream.records.Taxonomy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ZeroShotLabellerTest {
  /** A caption that, like many, says what was looked at and not how it is shown. */
  private static final String CAPTION = "Cells in each condition after 24 h.";

  private static TextEncoder text;
  private static ZeroShotLabeller labeller;

  @BeforeAll
  static void load() {
    text = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.TEXT), Accelerator.CPU);
    // Every global concept but Ambiguous kept, so that each one's score can be followed.
    labeller =
        (ZeroShotLabeller)
            Labellers.create(
                new LabelSettings(ZeroShotLabeller.METHOD, null, null, 15, 0), null, text);
  }

  @AfterAll
  static void close() {
    text.close();
  }

  @Test
  void shouldLetThePixelsDecideWhatTheCaptionLeavesOpen() {
    ConceptLabels photographed = labeller.label(input(CAPTION, 0f));
    ConceptLabels drawn = labeller.label(input(CAPTION, 1f));
    ConceptLabels unseen = labeller.label(input(CAPTION, null));

    assertThat(unseen.global().get(0).concept()).isEqualTo("Microscopy");
    assertThat(photographed.global().get(0).concept()).isEqualTo("Microscopy");
    // A drawn concept (with all-MiniLM-L6-v2 it was Illustrative Diagrams, with e5-small-v2 it is
    // the majority class).
    assertThat(drawn.global().get(0).concept()).isEqualTo("Plots and Charts");
  }

  @Test
  void shouldMoveMassTowardsTheImagesFormAndKeepScoresAProbability() {
    ConceptLabels unseen = labeller.label(input(CAPTION, null));
    ConceptLabels drawn = labeller.label(input(CAPTION, 1f));

    assertThat(drawn.global()).hasSize(15);
    assertThat(drawn.global().stream().mapToDouble(ConceptScore::score).sum())
        .isCloseTo(1.0, within(1e-5));
    assertThat(score(drawn, "Illustrative Diagrams"))
        .isGreaterThan(score(unseen, "Illustrative Diagrams"));
    assertThat(score(drawn, "Microscopy")).isLessThan(score(unseen, "Microscopy"));
    // Weights 1 (drawn), 0.1 (photographed) and 0.55 (PCR, no form) before renormalising: the ratio
    // of a drawn to a photographed concept's score grows tenfold, whatever the caption; the
    // calibration raises every score to the same power, so the ratios to that power.
    double sharp = Calibration.SHARPNESS;
    double before = score(unseen, "Illustrative Diagrams") / score(unseen, "Microscopy");
    double after = score(drawn, "Illustrative Diagrams") / score(drawn, "Microscopy");
    assertThat(after / before / Math.pow(10.0, sharp)).isCloseTo(1.0, within(1e-3));
    double pcrBefore = score(unseen, "PCR") / score(unseen, "Microscopy");
    assertThat(score(drawn, "PCR") / score(drawn, "Microscopy") / pcrBefore / Math.pow(5.5, sharp))
        .isCloseTo(1.0, within(1e-3));
  }

  @Test
  void shouldNotUseThePixelPriorWithoutForms() {
    Taxonomy taxonomy = Taxonomy.biomedica();
    ConceptDescriptions builtin = ConceptDescriptions.builtin(taxonomy);
    ZeroShotLabeller formless =
        new ZeroShotLabeller(
            taxonomy,
            new ConceptDescriptions(builtin.global(), builtin.local(), ConceptForms.NONE),
            text,
            null,
            15,
            Calibration.NONE);

    assertThat(labeller.usesPixelPrior()).isTrue();
    assertThat(formless.usesPixelPrior()).isFalse();
    assertThat(formless.label(input(CAPTION, 1f))).isEqualTo(formless.label(input(CAPTION, null)));
  }

  @Test
  void shouldAnswerAmbiguousOnlyWhereTheCalibratedTopScoreIsUnderOneHalf() {
    ConceptLabeller defaults = Labellers.create(LabelSettings.defaults(), null, text);
    String clear = "Bar chart of the mean expression in each group; error bars show the SD.";
    int ambiguous = 0;
    for (LabelInput in : List.of(input(CAPTION, null), input(clear, 1f))) {
      List<ConceptScore> all = labeller.label(in).global(); // every candidate, never Ambiguous
      List<ConceptScore> got = defaults.label(in).global();
      if (all.get(0).score() < Calibration.AMBIGUOUS_BELOW) {
        ambiguous++;
        assertThat(got.get(0).concept()).isEqualTo(Taxonomy.AMBIGUOUS);
        assertThat(got.get(0).score()).isCloseTo(1 - all.get(0).score(), within(1e-6f));
        assertThat(got.subList(1, got.size())).isEqualTo(all.subList(0, 3));
      } else {
        assertThat(got).isEqualTo(all.subList(0, 3));
      }
    }
    // the caption that names no form is left open; the bar chart is not
    assertThat(ambiguous).isEqualTo(1);
    assertThat(defaults.label(input(clear, 1f)).global().get(0).concept())
        .isEqualTo("Plots and Charts");
  }

  @Test
  void shouldLabelATableImageTablesEvenWithoutACaption() {
    // two tables of doi:10.1590/S0100-879X2004000400003 come as images with no caption text
    LabelInput captionless = new LabelInput("", true, null, List.of(), null, 0.9f);
    LabelInput notATable = new LabelInput("", false, null, List.of(), null, 0.9f);

    ConceptLabels table = labeller.label(captionless);
    assertThat(table.global()).containsExactly(new ConceptScore("Tables", 1f));
    assertThat(table.local()).isEmpty();
    assertThat(table.panelType()).isEqualTo(PanelType.SINGLE);
    assertThat(labeller.label(notATable)).isNull();
  }

  private static float score(ConceptLabels labels, String concept) {
    return labels.global().stream()
        .filter(s -> s.concept().equals(concept))
        .findFirst()
        .map(ConceptScore::score)
        .orElse(0f);
  }

  private static LabelInput input(String caption, Float drawn) {
    String model = text.descriptor().name();
    List<Embedding> sentences = new ArrayList<>();
    text.embed(CaptionSentences.of(caption), TextRole.CAPTION)
        .forEach(v -> sentences.add(new Embedding(model, v)));
    return new LabelInput(
        caption,
        false,
        new Embedding(model, text.embed(List.of(caption), TextRole.CAPTION).get(0)),
        sentences,
        null,
        drawn);
  }
}
