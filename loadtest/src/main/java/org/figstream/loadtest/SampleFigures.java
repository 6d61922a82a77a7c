package org.figstream.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.figstream.api.ExtractedArticle;
import org.figstream.api.FigureRecord;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.jats.JatsExtractor;

/** The sample figures as the embed step sees them: normalised JPEGs and caption texts. */
record SampleFigures(List<byte[]> jpegs, List<String> captions) {

  static SampleFigures load() {
    Path root = SampleCorpus.findRoot();
    ImageNormalizer normalizer = new ImageNormalizer();
    List<byte[]> jpegs = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (SampleCorpus.Article a : SampleCorpus.load()) {
      for (ExtractedArticle e : new JatsExtractor().extract(a.xml(), a.media())) {
        for (FigureRecord f : e.figures()) {
          captions.add(f.caption());
          if (f.mediaFile() != null) {
            try {
              jpegs.add(normalizer.normalize(Files.readAllBytes(root.resolve(a.name()).resolve(f.mediaFile()))).jpeg());
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          }
        }
      }
    }
    return new SampleFigures(List.copyOf(jpegs), List.copyOf(captions));
  }
}
