package org.figstream.processors.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The real articles bundled with the project ({@code samples/articles}, provenance in its README)
 * and the PMC fixtures in the test resources, as tests and benchmarks need them.
 */
public final class SampleArticles {

  /** One article folder: the XML bytes and the names of the files beside it. */
  public record Sample(String dir, Path xmlFile, byte[] xml, List<String> media) {}

  private SampleArticles() {}

  /**
   * The {@code samples/articles} folder, found from the module or the repository root, or where
   * {@code -Dfigstream.samples} says (benchmarks run from a packaged jar anywhere).
   */
  public static Path root() {
    String configured = System.getProperty("figstream.samples");
    if (configured != null) {
      return Path.of(configured);
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("samples/articles");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "samples/articles not found above " + here + "; set -Dfigstream.samples=DIR");
  }

  public static Sample article(String dir) {
    return article(root().resolve(dir));
  }

  /** An article folder anywhere (samples/labelled too): its XML file and the names beside it. */
  public static Sample article(Path folder) {
    String dir = folder.getFileName().toString();
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.sorted().toList();
      Path xml = all.stream().filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
      List<String> media =
          all.stream().filter(p -> !p.equals(xml)).map(p -> p.getFileName().toString()).toList();
      return new Sample(dir, xml, Files.readAllBytes(xml), media);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Sample> all() {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .map(SampleArticles::article)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file from {@code src/test/resources/fixtures} (real PMC XML and feed captures). */
  public static byte[] fixture(String name) {
    try (InputStream in = SampleArticles.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean isImage(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.matches(".*\\.(jpe?g|png|gif|tiff?)$");
  }
}
