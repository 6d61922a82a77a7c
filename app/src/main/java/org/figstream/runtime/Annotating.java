package org.figstream.runtime;

import java.nio.file.Path;
import org.figstream.processors.annotate.FigureAnnotator;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.embed.NativeCache;
import org.figstream.processors.label.ConceptLabeller;
import org.figstream.processors.label.LabelSettings;
import org.figstream.processors.label.Labellers;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextRecognizer;

/** The encoders and labeller the settings ask for, loaded once and closed with the command. */
public final class Annotating implements AutoCloseable {
  private final Embedder embedder;
  private final TextDetector textDetector;
  private final TextRecognizer textRecognizer;
  private final FigureAnnotator annotator;

  private Annotating(
      Embedder embedder,
      ConceptLabeller labeller,
      TextDetector textDetector,
      TextRecognizer textRecognizer,
      StageTimes times) {
    this.embedder = embedder;
    this.textDetector = textDetector;
    this.textRecognizer = textRecognizer;
    this.annotator = new FigureAnnotator(embedder, labeller, times, textDetector, textRecognizer);
  }

  /**
   * Loads the models; the labeller's concept vectors are computed here, before the first figure.
   *
   * @param dataDir where native libraries are unpacked
   */
  public static Annotating load(
      EmbeddingSettings embedding, LabelSettings labelling, boolean ocr, Path dataDir) {
    return load(embedding, labelling, ocr, dataDir, StageTimes.NONE);
  }

  /**
   * As {@link #load(EmbeddingSettings, LabelSettings, boolean, Path)}, with the encoders' model
   * calls timed as the {@code embed} stage and each labelling as {@code label} on {@code times}
   * (the concept vectors computed here are not).
   *
   * @param ocr read the text in each image: the recogniser reads what the labeller's detector
   *     finds, at the same resolution, so one detection serves both
   */
  public static Annotating load(
      EmbeddingSettings embedding,
      LabelSettings labelling,
      boolean ocr,
      Path dataDir,
      StageTimes times) {
    NativeCache.useDataDirectory(dataDir);
    Embedder embedder = Embedder.open(embedding, times);
    TextDetector detector = null;
    TextRecognizer recognizer = null;
    try {
      ConceptLabeller labeller =
          Labellers.create(labelling, embedder.imageEncoder(), embedder.textEncoder());
      if (ocr || (labeller != null && labeller.usesTextEvidence())) {
        // with OCR one detection serves the recogniser and the labeller, at the recogniser's side
        int side = ocr ? TextRecognizer.READING_SIDE : LabelSettings.TEXT_DETECTION_SIDE;
        detector = TextDetector.load(embedding.accelerator(), side);
      }
      if (ocr) {
        recognizer = TextRecognizer.load(embedding.accelerator());
      }
      return new Annotating(embedder, labeller, detector, recognizer, times);
    } catch (RuntimeException e) {
      try (embedder;
          TextDetector d = detector) {
        throw e;
      }
    }
  }

  /** Embeds and labels figures with the loaded models. */
  public FigureAnnotator annotator() {
    return annotator;
  }

  public String describe() {
    String image =
        embedder.imageEncoder() == null ? "none" : embedder.imageEncoder().descriptor().name();
    String text =
        embedder.textEncoder() == null ? "none" : embedder.textEncoder().descriptor().name();
    return "image encoder "
        + image
        + ", caption encoder "
        + text
        + (textRecognizer == null ? "" : ", OCR on");
  }

  @Override
  public void close() {
    try {
      embedder.close();
    } finally {
      try (TextDetector d = textDetector;
          TextRecognizer r = textRecognizer) {
        // closed in reverse order, each even when another fails
      }
    }
  }
}
