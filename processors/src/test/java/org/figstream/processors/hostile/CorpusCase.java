package org.figstream.processors.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One line of a hostile corpus's {@code cases.tsv}: a file, the outcome the code must give for it,
 * and what the file is. Lines starting with {@code #} are comments.
 */
public record CorpusCase(Path file, String outcome, String what) {
  /** How long one case may take: far more than any takes, far less than a hang. */
  private static final Duration LIMIT = Duration.ofSeconds(2);

  /** Files of a corpus folder that are not cases. */
  private static final Set<String> NOT_CASES = Set.of("cases.tsv", "README.md");

  @Override
  public String toString() {
    return file.getFileName().toString();
  }

  /** Fails unless {@code outcome} of the file's bytes is the listed one, within two seconds. */
  public void assertOutcome(Function<byte[], String> outcome) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String got = assertTimeoutPreemptively(LIMIT, () -> outcome.apply(bytes), this::toString);
    assertThat(got).as(what).isEqualTo(this.outcome);
  }

  /**
   * What a generator's main does: writes {@code files} into the folder given as the first argument,
   * or into {@code folder} when there is none.
   */
  public static void write(Map<String, byte[]> files, String[] args, String folder)
      throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : folder);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
  }

  /** The cases of the corpus folder {@code resource} on the test classpath, in manifest order. */
  public static List<CorpusCase> read(String resource) {
    Path folder = folder(resource);
    try (Stream<String> lines = Files.lines(folder.resolve("cases.tsv"), StandardCharsets.UTF_8)) {
      return lines
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", -1))
          .map(c -> new CorpusCase(folder.resolve(c[0]), c[1], c[2]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails unless every file of the folder is a case and every case a file: no silent case. */
  public static void assertManifestComplete(String resource) throws IOException {
    Path folder = folder(resource);
    List<String> listed = read(resource).stream().map(CorpusCase::toString).toList();
    try (Stream<Path> files = Files.list(folder)) {
      List<String> present =
          files.map(p -> p.getFileName().toString()).filter(n -> !NOT_CASES.contains(n)).toList();
      assertThat(listed).as("cases.tsv of " + resource).doesNotHaveDuplicates();
      assertThat(present).as("files of " + resource).containsExactlyInAnyOrderElementsOf(listed);
    }
  }

  private static Path folder(String resource) {
    URL url = CorpusCase.class.getResource("/" + resource);
    assertThat(url).as(resource + " on the test classpath").isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
