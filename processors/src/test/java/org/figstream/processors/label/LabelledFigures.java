package org.figstream.processors.label;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleFigures;
import org.figstream.records.FigureRecord;

/**
 * The hand-labelled figures with their image files: the sample articles' (samples/articles) and the
 * further labelled articles' (samples/labelled), as the extractor finds them.
 */
final class LabelledFigures {
  record Figure(FigureRecord record, Path image) {
    private static final ImageNormalizer NORMALIZER = new ImageNormalizer();

    /** The normaliser's raster, as the annotator measures the pixel prior and text on it. */
    BufferedImage raster() throws IOException {
      return NORMALIZER.normalizeWithPixels(Files.readAllBytes(image)).takePixels();
    }
  }

  private static Map<String, Figure> figures;

  private LabelledFigures() {}

  static synchronized Figure get(String pairId) {
    if (figures == null) {
      figures = extract();
    }
    Figure f = figures.get(pairId);
    if (f == null) {
      throw new IllegalArgumentException("no labelled figure " + pairId);
    }
    return f;
  }

  private static Map<String, Figure> extract() {
    Map<String, Figure> out = new LinkedHashMap<>();
    SampleFigures.all()
        .values()
        .forEach(f -> out.put(f.pairId(), new Figure(f, SampleFigures.imageFile(f))));
    Path root = SampleArticles.root().resolveSibling("labelled");
    JatsExtractor extractor = new JatsExtractor();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        SampleArticles.Sample s = SampleArticles.article(dir);
        for (ExtractedArticle a : extractor.extract(s.xml(), s.media())) {
          for (FigureRecord f : a.figures()) {
            Path image = f.mediaFile() == null ? null : dir.resolve(f.mediaFile());
            out.put(f.pairId(), new Figure(f, image));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
