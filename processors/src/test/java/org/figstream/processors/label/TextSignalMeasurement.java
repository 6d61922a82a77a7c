package org.figstream.processors.label;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextRecognizer;
import org.figstream.processors.ocr.TextRegions;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check: the text detector's signal (regions, covered share) and its cost per
 * figure on the development set's figures, per hand-labelled concept, at two resolutions. Run with
 * {@code -Dfigstream.measure=true -Dtest=TextSignalMeasurement}; writes
 * processors/target/text-signal.txt.
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class TextSignalMeasurement {
  @Test
  void measure() throws IOException {
    StringBuilder out = new StringBuilder();
    for (String value : System.getProperty("figstream.ocr.sides", "640").split(",")) {
      int side = Integer.parseInt(value.strip());
      Map<String, double[]> perConcept = new TreeMap<>(); // figures, regions, share
      long nanos = 0;
      long readNanos = 0;
      int lines = 0;
      int n = 0;
      StringBuilder rows = new StringBuilder();
      Accelerator cpu = new Accelerator("cpu", 0, false, null, 1);
      try (TextDetector detector = TextDetector.load(cpu, side);
          TextRecognizer recognizer = TextRecognizer.load(cpu)) {
        for (HandLabels.Label want : HandLabels.all().values()) {
          if (!SampleFigures.all().containsKey(want.pairId())) {
            continue; // the 61 sample figures the docs report, not samples/labelled's dev rows
          }
          BufferedImage pixels = LabelledFigures.get(want.pairId()).raster();
          detector.detect(pixels); // warm
          long t0 = System.nanoTime();
          TextRegions r = detector.detect(pixels);
          nanos += System.nanoTime() - t0;
          long t1 = System.nanoTime();
          lines += recognizer.read(pixels, r).size();
          readNanos += System.nanoTime() - t1;
          n++;
          double[] c = perConcept.computeIfAbsent(want.global(), k -> new double[3]);
          c[0]++;
          c[1] += r.count();
          c[2] += r.share();
          rows.append(
              String.format(
                  "%s\t%s\t%dx%d\t%d\t%.3f%n",
                  want.pairId(),
                  want.global(),
                  pixels.getWidth(),
                  pixels.getHeight(),
                  r.count(),
                  r.share()));
        }
      }
      out.append(
          String.format(
              "max side %d: detection %.0f ms per figure, reading %.0f ms per figure (%d lines),"
                  + " 1 thread, %d figures%n",
              side, nanos / 1e6 / n, readNanos / 1e6 / n, lines, n));
      perConcept.forEach(
          (k, c) ->
              out.append(
                  String.format(
                      "  %-24s %3.0f figures  mean regions %6.1f  mean share %.3f%n",
                      k, c[0], c[1] / c[0], c[2] / c[0])));
      out.append(rows);
    }
    System.out.println(out);
    Path file =
        SampleArticles.root().getParent().getParent().resolve("processors/target/text-signal.txt");
    Files.writeString(file, out);
  }
}
