package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.figstream.api.ConceptLabels;
import org.figstream.api.ConceptScore;
import org.figstream.api.Embedding;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
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
    labeller = (ZeroShotLabeller) Labellers.create(LabelSettings.defaults(), null, text);
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
    assertThat(drawn.global().get(0).concept()).isEqualTo("Illustrative Diagrams");
  }

  @Test
  void shouldMoveMassTowardsTheImagesFormAndKeepScoresAProbability() {
    ConceptLabels unseen = labeller.label(input(CAPTION, null));
    ConceptLabels drawn = labeller.label(input(CAPTION, 1f));

    assertThat(score(drawn, "Illustrative Diagrams")).isGreaterThan(score(unseen, "Illustrative Diagrams"));
    assertThat(score(drawn, "Microscopy")).isLessThan(score(unseen, "Microscopy"));
    assertThat(drawn.global()).extracting(ConceptScore::score).allSatisfy(s -> assertThat(s).isBetween(0f, 1f));
    assertThat(drawn.global().stream().mapToDouble(ConceptScore::score).sum()).isLessThanOrEqualTo(1.0001);
  }

  private static float score(ConceptLabels labels, String concept) {
    return labels.global().stream().filter(s -> s.concept().equals(concept)).findFirst()
        .map(ConceptScore::score).orElse(0f);
  }

  private static LabelInput input(String caption, Float drawn) {
    String model = text.descriptor().name();
    List<Embedding> sentences = new ArrayList<>();
    text.embed(CaptionSentences.of(caption)).forEach(v -> sentences.add(new Embedding(model, v)));
    return new LabelInput(caption, false, new Embedding(model, text.embed(List.of(caption)).get(0)), sentences,
        null, drawn);
  }
}
