package org.figstream.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The bundled sample articles ({@code samples/articles}) loaded into memory once, for benchmarks. */
final class SampleCorpus {

  /** One article: its XML bytes and the names of the files beside it. */
  record Article(String name, byte[] xml, List<String> media) {}

  private SampleCorpus() {}

  static List<Article> load() {
    Path root = findRoot();
    List<Article> articles = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          List<Path> all = files.sorted().toList();
          Path xml = all.stream().filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
          List<String> media = all.stream().filter(p -> !p.equals(xml))
              .map(p -> p.getFileName().toString()).toList();
          articles.add(new Article(dir.getFileName().toString(), Files.readAllBytes(xml), media));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return articles;
  }

  static long totalBytes(List<Article> articles) {
    return articles.stream().mapToLong(a -> a.xml().length).sum();
  }

  static Path findRoot() {
    String configured = System.getProperty("figstream.samples");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("samples/articles"))) {
        return p.resolve("samples/articles");
      }
    }
    throw new IllegalStateException("samples/articles not found; set -Dfigstream.samples=DIR");
  }
}
