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

/** The encoders and labeller the settings ask for, loaded once and closed with the command. */
public final class Annotating implements AutoCloseable {
  private final Embedder embedder;
  private final TextDetector textDetector;
  private final FigureAnnotator annotator;

  private Annotating(
      Embedder embedder, ConceptLabeller labeller, TextDetector textDetector, StageTimes times) {
    this.embedder = embedder;
    this.textDetector = textDetector;
    this.annotator = new FigureAnnotator(embedder, labeller, times, textDetector);
  }

  /**
   * Loads the models; the labeller's concept vectors are computed here, before the first figure.
   *
   * @param dataDir where native libraries are unpacked
   */
  public static Annotating load(
      EmbeddingSettings embedding, LabelSettings labelling, Path dataDir) {
    return load(embedding, labelling, dataDir, StageTimes.NONE);
  }

  /**
   * As {@link #load(EmbeddingSettings, LabelSettings, Path)}, with the encoders' model calls timed
   * as the {@code embed} stage and each labelling as {@code label} on {@code times} (the concept
   * vectors computed here are not).
   */
  public static Annotating load(
      EmbeddingSettings embedding, LabelSettings labelling, Path dataDir, StageTimes times) {
    NativeCache.useDataDirectory(dataDir);
    Embedder embedder = Embedder.open(embedding, times);
    TextDetector detector = null;
    try {
      ConceptLabeller labeller =
          Labellers.create(labelling, embedder.imageEncoder(), embedder.textEncoder());
      if (labeller != null && labeller.usesTextEvidence()) {
        detector = TextDetector.load(embedding.accelerator(), LabelSettings.TEXT_DETECTION_SIDE);
      }
      return new Annotating(embedder, labeller, detector, times);
    } catch (RuntimeException e) {
      embedder.close();
      throw e;
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
    return "image encoder " + image + ", caption encoder " + text;
  }

  @Override
  public void close() {
    try {
      embedder.close();
    } finally {
      if (textDetector != null) {
        textDetector.close();
      }
    }
  }
}
