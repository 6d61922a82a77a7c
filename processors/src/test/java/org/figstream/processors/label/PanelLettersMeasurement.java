package org.figstream.processors.label;

import java.nio.file.Files;
import java.nio.file.Path;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextRecognizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check: the labels with panel letters read by OCR ({@code --ocr}), on the
 * development and test sets, as {@link LabelQualityTest} measures them without. Reading every
 * figure costs about a second on one core, so it runs on request: {@code -Dfigstream.measure=true
 * -Dtest=PanelLettersMeasurement}; writes processors/target/label-quality-ocr-{dev,test}.txt.
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class PanelLettersMeasurement {
  @Test
  void measure() throws Exception {
    Accelerator cpu = Accelerator.CPU;
    try (TextEncoder text = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.TEXT), cpu);
        TextDetector detector = TextDetector.load(cpu, TextRecognizer.READING_SIDE);
        TextRecognizer reader = TextRecognizer.load(cpu)) {
      ConceptLabeller labeller = Labellers.create(LabelSettings.defaults(), null, text);
      for (String split : new String[] {HandLabels.DEV, HandLabels.TEST}) {
        LabelEvaluation.Result r =
            LabelEvaluation.withOcr(HandLabels.split(split), labeller, text, detector, reader);
        String report =
            r.report("zero-shot labels with panel letters read by OCR vs the " + split + " set");
        System.out.println(report);
        Path out = Path.of("target/label-quality-ocr-" + split + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
      }
    }
  }
}
