package org.figstream.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.api.ExtractionException;

/**
 * An article on disk: its XML file and the media files beside it. A folder may hold one article or
 * many (one per sub-folder); PMC bucket folders ({@code PMC10009416.1/}) also tell the PMCID and
 * version.
 */
record ArticleFiles(Path xml, List<String> media, ArticleHint hint) {
  private static final Pattern PMC_NAME = Pattern.compile("(?i)PMC(\\d+)(?:\\.(\\d+))?");

  /**
   * The articles under every path, in order; a path that does not exist goes to {@code missing}.
   */
  static List<ArticleFiles> findAll(List<Path> paths, Consumer<Path> missing) {
    List<ArticleFiles> out = new ArrayList<>();
    for (Path path : paths) {
      if (Files.exists(path)) {
        out.addAll(find(path));
      } else {
        missing.accept(path);
      }
    }
    return out;
  }

  /**
   * The article's XML, refused as {@code TOO_LARGE} (the extractor's own wording) before it is read
   * when over {@code maxBytes}: one over 2 GiB cannot even be held in an array.
   */
  byte[] readXml(int maxBytes) throws IOException {
    return read(
        xml,
        maxBytes,
        size ->
            new ExtractionException(
                ExtractionException.Kind.TOO_LARGE,
                "the document is " + size + " bytes, over the limit of " + maxBytes));
  }

  /**
   * A file no larger than {@code limit}, else the exception {@code tooLarge} makes of its size. The
   * size is checked before reading, and the read stops one byte past the limit in case the file
   * grew in between.
   */
  static byte[] read(Path file, long limit, LongFunction<RuntimeException> tooLarge)
      throws IOException {
    long size = Files.size(file);
    if (size > limit) {
      throw tooLarge.apply(size);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > limit) {
        throw tooLarge.apply(Files.size(file));
      }
      return bytes;
    }
  }

  private static List<ArticleFiles> find(Path path) {
    List<ArticleFiles> out = new ArrayList<>();
    if (Files.isRegularFile(path)) {
      out.add(of(path));
      return out;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files
          .filter(Files::isRegularFile)
          .filter(ArticleFiles::isXml)
          .sorted()
          .forEach(f -> out.add(of(f)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
    return out;
  }

  private static ArticleFiles of(Path xml) {
    Path dir = xml.toAbsolutePath().getParent();
    List<String> media = new ArrayList<>();
    try (Stream<Path> siblings = Files.list(dir)) {
      siblings
          .filter(Files::isRegularFile)
          .filter(p -> !isXml(p))
          .map(p -> p.getFileName().toString())
          .sorted()
          .forEach(media::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return new ArticleFiles(xml, media, hint(xml));
  }

  private static ArticleHint hint(Path xml) {
    for (Path p : new Path[] {xml.getFileName(), xml.toAbsolutePath().getParent().getFileName()}) {
      Matcher m = p == null ? null : PMC_NAME.matcher(p.toString());
      if (m != null && m.lookingAt()) {
        return new ArticleHint(
            "PMC" + m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)));
      }
    }
    return ArticleHint.NONE;
  }

  private static boolean isXml(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".xml") || name.endsWith(".nxml");
  }
}
