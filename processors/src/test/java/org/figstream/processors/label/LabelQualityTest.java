package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How well the default zero-shot labels agree with the hand labels, on the development set (tuned
 * on) and the test set (measured once, after the rule was fixed). The counts are what ONNX Runtime
 * on the CPU gives; a different CPU may move a near tie, so each may differ by one. Reports with
 * the confusion matrices are written to processors/target/label-quality-{dev,test}.txt.
 */
class LabelQualityTest {
  /** -Dfigstream.labels.text-side=N looks for text at another resolution (a measurement). */
  private static final int SIDE =
      Integer.getInteger("figstream.labels.text-side", LabelSettings.TEXT_DETECTION_SIDE);

  private static TextEncoder text;
  private static TextDetector detector;
  private static ConceptLabeller labeller;

  @BeforeAll
  static void load() {
    text = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.TEXT), Accelerator.CPU);
    detector = TextDetector.load(Accelerator.CPU, SIDE);
    labeller = Labellers.create(LabelSettings.defaults(), null, text);
  }

  @AfterAll
  static void close() {
    text.close();
    detector.close();
  }

  @Test
  void shouldLabelTheDevelopmentSetAsMeasured() throws IOException {
    LabelEvaluation.Result r = evaluate(HandLabels.DEV);

    // re-measured 2026-12-04 with the fourth batch's 19 dev figures (e5-small-v2, text evidence);
    // before them 52/59/58 of 65; 2026-12-05, sentences after the title only and only where the
    // whole caption leaves the labeller under 0.8 sure: 69/75/72 (68/76/72 with every sentence)
    assertThat(r.n()).isEqualTo(84);
    assertThat(r.majority()).isEqualTo(58);
    assertThat(r.top1()).isCloseTo(69, within(1));
    assertThat(r.top3()).isCloseTo(75, within(1));
    // panel type 72 from the caption (and OCR's letters) alone; 78 with the image's gutters
    // (PanelGutters, 2026-12-06, its last constant chosen on this set's misses)
    assertThat(r.panel()).isCloseTo(78, within(1));
    // the calibration's sharpness is the one this set's hand labels fit best
    assertThat(CalibrationCheck.fit(r.scored()))
        .isCloseTo(Calibration.SHARPNESS, within(CalibrationCheck.STEP));
    assertThat(CalibrationCheck.ece(r.scored(), Calibration.SHARPNESS))
        .isLessThan(CalibrationCheck.ece(r.scored(), 1));
    // Ambiguous under a calibrated top score of one half: 6 figures (9 before the sentence gate and
    // the sharpness refitted with it, 2026-12-05; 7 with text looked for at 320 px, until
    // 2026-12-06: at 256 top-1, top-3 and panel type stayed 69/75/72)
    assertThat(r.answered()).isCloseTo(78, within(1));
    assertThat(r.answeredRight()).isCloseTo(65, within(1));
    // the caption's sentences are embedded for 245 of the 319 after the titles (2026-12-05)
    assertThat(r.sentencesEmbedded()).isCloseTo(245, within(3));
    assertThat(r.sentences()).isEqualTo(319);
  }

  @Test
  void shouldLabelTheTestSetAsFirstMeasured() throws IOException {
    LabelEvaluation.Result r = evaluate(HandLabels.TEST);

    // the first measurement, 2026-12-04, after the rule and the encoder were fixed on the dev set,
    // was 48/56/49 of 66; re-measured the same day with the fourth batch's 11 test figures added
    // (nothing tuned in between): 49/60/58 of 77. Then two changes, measured here once:
    // caption-less table images, which got no labels at all, are labelled Tables as the rule
    // always said (a bug seen in this set's listing: 2 figures), and text is looked for at 320 px
    // instead of 480 (chosen on the dev set, where nothing changed): 51/62/60
    assertThat(r.n()).isEqualTo(77);
    assertThat(r.majority()).isEqualTo(42);
    assertThat(r.top1()).isCloseTo(51, within(1));
    assertThat(r.top3()).isCloseTo(62, within(1));
    // The image's gutters (PanelGutters, fixed on the dev set), first measured here 2026-12-06:
    // panel type 71 (60 from the caption alone); nothing else changes
    assertThat(r.panel()).isCloseTo(71, within(1));
    // the calibration (sharpness 6.85 and Ambiguous under one half, both fixed on the dev set),
    // first measured here the same day: top-score ECE 0.335 raw, 0.124 calibrated (0.121 now)
    assertThat(CalibrationCheck.ece(r.scored(), Calibration.SHARPNESS))
        .isLessThan(CalibrationCheck.ece(r.scored(), 1));
    // The sentence gate (sentences after the title, only where the caption leaves the labeller
    // under 0.8 sure; chosen on the dev set), first measured here 2026-12-05: 51/62/60 as before,
    // 59 answered (was 61), 44 of them right (was 46); the same with the sharpness refitted on
    // the dev set after it (6.85 to 6.65). 199 of the 235 sentences after the titles embedded.
    assertThat(r.answered()).isCloseTo(59, within(1));
    assertThat(r.answeredRight()).isCloseTo(44, within(1));
    assertThat(r.sentencesEmbedded()).isCloseTo(199, within(3));
    assertThat(r.sentences()).isEqualTo(235);
    // Text looked for at 256 px instead of 320 (chosen on the dev set, where top-1, top-3 and
    // panel type stayed the same), first measured here 2026-12-06: all of the above unchanged.
  }

  private static LabelEvaluation.Result evaluate(String split) throws IOException {
    // -Dfigstream.labels.no-text=true measures without the text evidence (an ablation)
    TextDetector looking = Boolean.getBoolean("figstream.labels.no-text") ? null : detector;
    LabelEvaluation.Result r =
        LabelEvaluation.run(HandLabels.split(split), labeller, text, looking);
    String report =
        r.report(
            "zero-shot labels ("
                + BuiltinModels.TEXT
                + ", built-in descriptions and forms, "
                + (looking == null ? "no text evidence" : "text evidence at " + SIDE + " px")
                + ") vs the "
                + split
                + " set's hand labels");
    System.out.println(report);
    Path out =
        SampleArticles.root()
            .getParent()
            .getParent()
            .resolve("processors/target/label-quality-" + split + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    return r;
  }
}
