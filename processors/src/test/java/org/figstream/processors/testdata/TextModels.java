package org.figstream.processors.testdata;

import java.time.Duration;
import org.figstream.processors.annotate.FigureAnnotator;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextRecognizer;

/**
 * The text networks at the pipeline's detection side, and annotators that run only them (no
 * encoders, no labeller): for tests of OCR on the annotator and the steps that use it.
 */
public final class TextModels implements AutoCloseable {
  public final Embedder embedder =
      Embedder.open(new EmbeddingSettings("none", "none", Accelerator.CPU, 1, Duration.ZERO, 1));
  public final TextDetector detector =
      TextDetector.load(Accelerator.CPU, TextRecognizer.READING_SIDE);
  public final TextRecognizer recognizer = TextRecognizer.load(Accelerator.CPU);

  /** An annotator that reads the text in images with {@code ocr}, and does nothing without. */
  public FigureAnnotator annotator(boolean ocr) {
    return new FigureAnnotator(
        embedder, null, StageTimes.NONE, ocr ? detector : null, ocr ? recognizer : null);
  }

  @Override
  public void close() {
    try (embedder;
        TextDetector d = detector;
        TextRecognizer r = recognizer) {
      // closed in reverse order
    }
  }
}
