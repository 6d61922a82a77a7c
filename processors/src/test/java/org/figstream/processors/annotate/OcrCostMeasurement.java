package org.figstream.processors.annotate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextRecognizer;
import org.figstream.processors.testdata.SampleFigures;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check: what {@code --ocr} adds per figure. On every sample figure with an
 * image, on the normaliser's raster, one thread, the annotator's own text step twice in one run,
 * figure by figure: detection only (what the labeller already pays) and detection plus reading the
 * lines (OCR on), at the detection side the pipeline uses. Run with {@code -Dfigstream.measure=true
 * -Dtest=OcrCostMeasurement}; writes processors/target/ocr-cost.txt.
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class OcrCostMeasurement {
  @Test
  void measure() throws IOException {
    Accelerator cpu = new Accelerator("cpu", 0, false, null, 1);
    List<BufferedImage> rasters = new ArrayList<>();
    for (FigureRecord f : SampleFigures.all().values()) {
      Path file = SampleFigures.imageFile(f);
      if (file != null && Files.exists(file)) {
        rasters.add(
            new ImageNormalizer().normalizeWithPixels(Files.readAllBytes(file)).takePixels());
      }
    }
    long detectNanos = 0;
    long ocrNanos = 0;
    int lines = 0;
    int regions = 0;
    try (TextDetector detector = TextDetector.load(cpu, TextRecognizer.READING_SIDE);
        TextRecognizer recognizer = TextRecognizer.load(cpu)) {
      ImageText detectOnly = new ImageText(detector, null);
      ImageText withOcr = new ImageText(detector, recognizer);
      for (BufferedImage r : rasters.subList(0, Math.min(3, rasters.size()))) {
        withOcr.see(r); // warm both networks
      }
      for (BufferedImage r : rasters) {
        long t0 = System.nanoTime();
        ImageText.Seen detected = detectOnly.see(r);
        long t1 = System.nanoTime();
        ImageText.Seen read = withOcr.see(r);
        long t2 = System.nanoTime();
        detectNanos += t1 - t0;
        ocrNanos += t2 - t1;
        regions += detected.regions().count();
        lines += read.lines().size();
      }
    }
    int n = rasters.size();
    double detect = detectNanos / 1e6 / n;
    double ocr = ocrNanos / 1e6 / n;
    String report =
        String.format(
            "figures %d, detection side %d px, one thread%n"
                + "detection only: %.1f ms a figure (%.1f regions)%n"
                + "detection + recognition: %.1f ms a figure (%.1f lines kept)%n"
                + "recognition alone: %.1f ms a figure; OCR on costs %.1f times detection only%n",
            n,
            TextRecognizer.READING_SIDE,
            detect,
            regions / (double) n,
            ocr,
            lines / (double) n,
            ocr - detect,
            ocr / detect);
    System.out.print(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/ocr-cost.txt"), report);
  }
}
