package org.figstream.cli;

import java.nio.file.Path;
import org.figstream.processors.annotate.FigureAnnotator;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.embed.NativeCache;
import org.figstream.processors.label.ConceptLabeller;
import org.figstream.processors.label.Labellers;

/** The encoders and labeller the options ask for, loaded once and closed with the command. */
final class Annotating implements AutoCloseable {
  final Embedder embedder;
  final FigureAnnotator annotator;

  private Annotating(Embedder embedder, ConceptLabeller labeller) {
    this.embedder = embedder;
    this.annotator = new FigureAnnotator(embedder, labeller);
  }

  /** Loads the models; the labeller's concept vectors are computed here, before the first figure. */
  static Annotating load(AnnotationOptions options, Path dataDir) {
    NativeCache.useDataDirectory(dataDir);
    EmbeddingSettings settings = options.embedding(dataDir);
    Embedder embedder = Embedder.open(settings);
    try {
      return new Annotating(embedder,
          Labellers.create(options.labelling(), embedder.imageEncoder(), embedder.textEncoder()));
    } catch (RuntimeException e) {
      embedder.close();
      throw e;
    }
  }

  String describe() {
    String image = embedder.imageEncoder() == null ? "none" : embedder.imageEncoder().descriptor().name();
    String text = embedder.textEncoder() == null ? "none" : embedder.textEncoder().descriptor().name();
    return "image encoder " + image + ", caption encoder " + text;
  }

  @Override
  public void close() {
    embedder.close();
  }
}
