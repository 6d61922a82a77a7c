package org.figstream.processors.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleFigures;
import org.figstream.records.FigureRecord;

/**
 * The hand-labelled figures with their image files: the sample articles' (samples/articles) and the
 * further labelled articles' (samples/labelled), as the extractor finds them.
 */
final class LabelledFigures {
  record Figure(FigureRecord record, Path image) {}

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
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
          files = list.sorted().toList();
        }
        Path xml =
            files.stream().filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
        List<String> media =
            files.stream()
                .filter(p -> !p.equals(xml))
                .map(p -> p.getFileName().toString())
                .toList();
        for (ExtractedArticle a : extractor.extract(Files.readAllBytes(xml), media)) {
          for (FigureRecord f : a.figures()) {
            out.put(
                f.pairId(),
                new Figure(f, f.mediaFile() == null ? null : dir.resolve(f.mediaFile())));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
