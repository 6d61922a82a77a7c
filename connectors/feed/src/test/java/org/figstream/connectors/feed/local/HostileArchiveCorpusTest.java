package org.figstream.connectors.feed.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile packages of {@code hostile/archives}, each through the real package reader with the
 * small limits of {@link ArchiveModel#LIMITS}: it must give exactly the outcome {@code cases.tsv}
 * names, the package read or the dead-letter reason, within two seconds, writing nothing beside the
 * input, and java.io.tmpdir (this module's own, see the pom) holds no new entry afterwards.
 */
class HostileArchiveCorpusTest {
  private static final Set<String> NOT_CASES = Set.of("cases.tsv", "README.md");
  private static Set<Path> tmpBefore;

  private final PackageReader reader = new PackageReader(ArchiveModel.LIMITS);

  /** One manifest line: the file, its expected outcome, what it is. */
  record Case(String file, String outcome, String what) {
    @Override
    public String toString() {
      return file;
    }
  }

  @BeforeAll
  static void listTmp() throws IOException {
    tmpBefore = tmpListing();
  }

  @AfterAll
  static void shouldLeaveNoNewEntryInTmp() throws IOException {
    Set<Path> now = tmpListing();
    now.removeAll(tmpBefore);
    assertThat(now).as("new entries in java.io.tmpdir").isEmpty();
  }

  static List<Case> cases() throws IOException {
    try (Stream<String> lines =
        Files.lines(corpus().resolve("cases.tsv"), StandardCharsets.UTF_8)) {
      return lines
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", -1))
          .map(c -> new Case(c[0], c[1], c[2]))
          .toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldGiveTheListedOutcome(Case c) throws IOException {
    byte[] wire = Files.readAllBytes(corpus().resolve(c.file()));
    Object read = IsolatedRead.read(reader, wire, Duration.ofSeconds(2), c::file);
    assertThat(outcome(read)).as(c.what()).isEqualTo(c.outcome());
  }

  @Test
  void shouldListEveryFileOfTheCorpus() throws IOException {
    List<String> listed = cases().stream().map(Case::file).toList();
    try (Stream<Path> files = Files.list(corpus())) {
      assertThat(listed).doesNotHaveDuplicates();
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !NOT_CASES.contains(n)))
          .containsExactlyInAnyOrderElementsOf(listed);
    }
  }

  /** {@code package:<xml name> images:<names>} or the refusal's reason. */
  private static String outcome(Object read) {
    if (read instanceof PackageReader.Contents p) {
      return "package:"
          + p.xmlName()
          + " images:"
          + String.join(",", new TreeSet<>(p.images().keySet()));
    }
    return (String) read;
  }

  private static Path corpus() {
    try {
      return Path.of(HostileArchiveCorpusTest.class.getResource("/hostile/archives").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Only the top level: each read's own folder is checked whole by {@link IsolatedRead}. Outside
   * the module's surefire set-up (an IDE run on the shared /tmp) other processes would make this
   * flake, so it lists nothing there.
   */
  private static Set<Path> tmpListing() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    if (!tmp.endsWith(Path.of("target", "test-tmp"))) {
      return new TreeSet<>();
    }
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries.collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
