package org.figstream.loadtest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.records.FigureRecord;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.jats.JatsExtractor;

/**
 * The sample figures as the embed step sees them: the normaliser's rasters (what the stage hands over),
 * the normalised JPEGs made from them (what it publishes, and decodes when a raster is gone), in the
 * same order, and caption texts.
 */
record SampleFigures(List<BufferedImage> rasters, List<byte[]> jpegs, List<String> captions) {

  static SampleFigures load() {
    Path root = SampleCorpus.findRoot();
    ImageNormalizer normalizer = new ImageNormalizer();
    List<BufferedImage> rasters = new ArrayList<>();
    List<byte[]> jpegs = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (SampleCorpus.Article a : SampleCorpus.load()) {
      for (ExtractedArticle e : new JatsExtractor().extract(a.xml(), a.media())) {
        for (FigureRecord f : e.figures()) {
          captions.add(f.caption());
          if (f.mediaFile() != null) {
            try {
              NormalizedPixels n = normalizer.normalizeWithPixels(
                  Files.readAllBytes(root.resolve(a.name()).resolve(f.mediaFile())));
              jpegs.add(n.image().jpeg());
              rasters.add(n.takePixels());
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          }
        }
      }
    }
    return new SampleFigures(List.copyOf(rasters), List.copyOf(jpegs), List.copyOf(captions));
  }
}
