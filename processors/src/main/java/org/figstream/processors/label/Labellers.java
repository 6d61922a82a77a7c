package org.figstream.processors.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.figstream.processors.embed.EncoderDescriptor;
import org.figstream.processors.embed.ImageEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.records.Taxonomy;

/** Makes the labeller the settings ask for, checking that the encoders it needs are there. */
public final class Labellers {
  private Labellers() {}

  /** The labeller, or null for {@code none}. */
  public static ConceptLabeller create(
      LabelSettings settings, ImageEncoder image, TextEncoder text) {
    Taxonomy taxonomy = Taxonomy.biomedica();
    try {
      switch (settings.mode()) {
        case ZeroShotLabeller.METHOD -> {
          if (text == null) {
            throw new IllegalArgumentException("zero-shot labels need a text encoder");
          }
          ConceptDescriptions descriptions =
              settings.descriptions() == null
                  ? ConceptDescriptions.builtin(taxonomy)
                  : ConceptDescriptions.read(settings.descriptions(), taxonomy);
          return new ZeroShotLabeller(
              taxonomy,
              descriptions,
              text,
              jointImageModel(image, text),
              settings.topK(),
              settings.calibration());
        }
        case ClusterLabeller.METHOD -> {
          if (image == null) {
            throw new IllegalArgumentException("BIOMEDICA cluster labels need an image encoder");
          }
          return new ClusterLabeller(
              ClusterModel.read(settings.clusters(), taxonomy), image.descriptor().dimensions());
        }
        default -> {
          return null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read label data: " + e.getMessage(), e);
    }
  }

  private static String jointImageModel(ImageEncoder image, TextEncoder text) {
    if (image == null) {
      return null;
    }
    EncoderDescriptor i = image.descriptor();
    String space = text.descriptor().space();
    return space != null && space.equals(i.space()) ? i.name() : null;
  }
}
