package org.figstream.loadtest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleRecords;
import org.figstream.records.FigureRecord;

/**
 * The sample figures as the embed step sees them: the normaliser's rasters (what the stage hands
 * over), the normalised JPEGs made from them (what it publishes, and decodes when a raster is
 * gone), in the same order, and caption texts.
 */
record SampleFigures(List<BufferedImage> rasters, List<byte[]> jpegs, List<String> captions) {

  static SampleFigures load() {
    ImageNormalizer normalizer = new ImageNormalizer();
    List<BufferedImage> rasters = new ArrayList<>();
    List<byte[]> jpegs = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (SampleRecords.Extracted e : SampleRecords.articles()) {
      for (FigureRecord f : e.figures()) {
        captions.add(f.caption());
        if (f.mediaFile() != null) {
          try {
            // the rasters too, which NormalizedImage does not keep: read the file here
            NormalizedPixels n =
                normalizer.normalizeWithPixels(
                    Files.readAllBytes(
                        SampleArticles.root().resolve(e.sample().dir()).resolve(f.mediaFile())));
            jpegs.add(n.image().jpeg());
            rasters.add(n.takePixels());
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          }
        }
      }
    }
    return new SampleFigures(List.copyOf(rasters), List.copyOf(jpegs), List.copyOf(captions));
  }
}
