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

    // History on the first 84 figures (e5-small-v2, text evidence): 52/59/58 of 65 before the
    // fourth batch; 69/75/72 with the sentence gate (2026-12-05); panel type 78 with the image's
    // gutters (PanelGutters, 2026-12-06, its last constant chosen on this set's misses).
    // 2026-12-06, the fifth batch's 15 figures added (MRI-derived brain imaging, plots): 76/82/92
    // of 99; then a Clinical Imaging description for research brain MRI (chosen on those misses)
    // and the sharpness refitted (6.65 to 6.40): 79/86/92, the first 84 figures unchanged
    assertThat(r.n()).isEqualTo(99);
    assertThat(r.majority()).isEqualTo(61);
    assertThat(r.top1()).isCloseTo(79, within(1));
    assertThat(r.top3()).isCloseTo(86, within(1));
    assertThat(r.panel()).isCloseTo(92, within(1));
    // the calibration's sharpness is the one this set's hand labels fit best
    assertThat(CalibrationCheck.fit(r.scored()))
        .isCloseTo(Calibration.SHARPNESS, within(CalibrationCheck.STEP));
    assertThat(CalibrationCheck.ece(r.scored(), Calibration.SHARPNESS))
        .isLessThan(CalibrationCheck.ece(r.scored(), 1));
    // Ambiguous under a calibrated top score of one half: 13 figures (6 of the first 84)
    assertThat(r.answered()).isCloseTo(86, within(1));
    assertThat(r.answeredRight()).isCloseTo(72, within(1));
    // the caption's sentences embedded where the gate wants them (245 of the first 84's 319)
    assertThat(r.sentencesEmbedded()).isCloseTo(300, within(3));
    assertThat(r.sentences()).isEqualTo(406);
  }

  @Test
  void shouldLabelTheTestSetAsFirstMeasured() throws IOException {
    LabelEvaluation.Result r = evaluate(HandLabels.TEST);

    // Each change was chosen on the dev set, then measured here. The first measurement,
    // 2026-12-04: 48/56/49 (top-1/top-3/panel) of 66; with the fourth batch's 11 figures added,
    // nothing tuned: 49/60/58 of 77; caption-less table images labelled Tables (a bug seen here)
    // and text looked for at 320 px: 51/62/60; the sentence gate and text at 256 px: unchanged;
    // the image's gutters (2026-12-06): panel type 71.
    // 2026-12-06, the fifth batch's 46 figures added (electron and fluorescence micrographs,
    // blots, 3-D reconstructions, plots, tables), labelled blind and measured before anything
    // was tuned with them: 77/99/115 of 123, 96 answered, 68 of them right. Then the Clinical
    // Imaging description and the sharpness refit (both on the dev set): 77/99/115, 95 and 67.
    // The sixth batch's 8 figures (photographs of apes, plots, two table images), measured as
    // they came: 83/106/122 of 131, 102 answered, 73 of them right.
    assertThat(r.n()).isEqualTo(131);
    assertThat(r.majority()).isEqualTo(60);
    assertThat(r.top1()).isCloseTo(83, within(1));
    assertThat(r.top3()).isCloseTo(106, within(1));
    assertThat(r.panel()).isCloseTo(122, within(1));
    // the calibration (its sharpness and Ambiguous under one half fixed on the dev set)
    assertThat(CalibrationCheck.ece(r.scored(), Calibration.SHARPNESS))
        .isLessThan(CalibrationCheck.ece(r.scored(), 1));
    assertThat(r.answered()).isCloseTo(102, within(1));
    assertThat(r.answeredRight()).isCloseTo(73, within(1));
    assertThat(r.sentencesEmbedded()).isCloseTo(328, within(3));
    assertThat(r.sentences()).isEqualTo(411);
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
