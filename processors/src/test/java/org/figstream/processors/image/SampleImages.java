package org.figstream.processors.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.NormalizedImage;

/** Every image file under samples/articles, and their normalisations computed once per test JVM. */
final class SampleImages {

  private static Map<Path, NormalizedImage> normalized;
  private static long normalizeMillis;

  private SampleImages() {}

  static List<Path> files() {
    try (Stream<Path> all = Files.walk(SampleArticles.root())) {
      return all.filter(Files::isRegularFile)
          .filter(p -> SampleArticles.isImage(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path file(String relative) {
    return SampleArticles.root().resolve(relative);
  }

  static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(file(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * All samples normalised with the default settings, in file order (cached: the TIFFs take
   * seconds).
   */
  static synchronized Map<Path, NormalizedImage> normalized() {
    if (normalized == null) {
      ImageNormalizer normalizer = new ImageNormalizer();
      Map<Path, NormalizedImage> out = new LinkedHashMap<>();
      long start = System.nanoTime();
      for (Path p : files()) {
        try {
          out.put(p, normalizer.normalize(Files.readAllBytes(p)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      normalizeMillis = (System.nanoTime() - start) / 1_000_000;
      normalized = out;
    }
    return normalized;
  }

  static synchronized long normalizeMillis() {
    normalized();
    return normalizeMillis;
  }

  static NormalizedImage normalized(String relative) {
    return normalized().get(file(relative));
  }
}
