package org.figstream.connectors.feed.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads a package's bytes the way the feed does, from a file in a fresh folder beside an empty
 * sentinel folder, and checks afterwards that the reader wrote nothing beside the input.
 */
final class IsolatedRead {
  static final Set<String> REASONS =
      Set.of(
          "archive-too-large", "unsafe-archive-entry", "several-xml", "no-xml", "corrupt-archive");

  private IsolatedRead() {}

  /**
   * The package or the refusal's reason (a String), read within {@code limit}; names returned stay
   * relative and the folders hold only what was put there.
   */
  static Object read(PackageReader reader, byte[] wire, Duration limit, Supplier<String> label)
      throws IOException {
    Path root = Files.createTempDirectory("figstream-archive-");
    try {
      Path in = Files.createDirectories(root.resolve("in"));
      Path sentinel = Files.createDirectories(root.resolve("sentinel"));
      Path file = Files.write(in.resolve("PMC1.tar.gz"), wire);
      Object outcome =
          assertTimeoutPreemptively(
              limit,
              () -> {
                try {
                  return reader.read(file);
                } catch (UnusableInputException e) {
                  assertThat(e.reason()).isIn(REASONS);
                  assertThat(e.getMessage()).isNotBlank();
                  return e.reason();
                }
              },
              label);
      if (outcome instanceof PackageReader.Contents p) {
        assertThat(ArchiveModel.safe(p.xmlName())).as(p.xmlName()).isTrue();
        // images are keyed by the last segment of a name that passed: never a path of its own
        assertThat(p.images().keySet())
            .allMatch(n -> !n.isEmpty() && !n.contains("/") && !n.contains("\\"))
            .doesNotContain(".", "..");
      }
      try (Stream<Path> all = Files.walk(root)) {
        assertThat(all.toList()).containsExactlyInAnyOrder(root, in, sentinel, file);
      }
      return outcome;
    } finally {
      try (Stream<Path> all = Files.walk(root)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
