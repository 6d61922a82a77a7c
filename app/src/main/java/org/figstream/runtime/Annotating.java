package org.figstream.runtime;

import java.nio.file.Path;
import org.figstream.processors.annotate.FigureAnnotator;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.embed.NativeCache;
import org.figstream.processors.label.ConceptLabeller;
import org.figstream.processors.label.LabelSettings;
import org.figstream.processors.label.Labellers;

/** The encoders and labeller the settings ask for, loaded once and closed with the command. */
public final class Annotating implements AutoCloseable {
  private final Embedder embedder;
  private final FigureAnnotator annotator;

  private Annotating(Embedder embedder, ConceptLabeller labeller) {
    this.embedder = embedder;
    this.annotator = new FigureAnnotator(embedder, labeller);
  }

  /**
   * Loads the models; the labeller's concept vectors are computed here, before the first figure.
   *
   * @param dataDir where native libraries are unpacked
   */
  public static Annotating load(
      EmbeddingSettings embedding, LabelSettings labelling, Path dataDir) {
    NativeCache.useDataDirectory(dataDir);
    Embedder embedder = Embedder.open(embedding);
    try {
      return new Annotating(
          embedder, Labellers.create(labelling, embedder.imageEncoder(), embedder.textEncoder()));
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
    embedder.close();
  }
}
