package org.figstream.connectors.feed.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.fetch.FetchOutcome;
import org.figstream.connectors.feed.fetch.FetchedArticle;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.DeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mirror laid out by someone hostile (issue 18): files over 2 GiB, which once hung the read for
 * ever, and links out of the mirror, which once published a file from elsewhere. Each such article
 * ends as a dead letter with a reason; the other articles of the mirror are still read.
 */
class LocalFolderSourceHostileTest {
  /** One byte past what a Java array can hold: reading it whole is impossible, not just slow. */
  private static final long OVER_2_GIB = (2L << 30) + 1;

  @TempDir Path mirror;
  @TempDir Path outside;

  /** A sparse file: instant to make and takes no disk, but {@code Files.size} is the full size. */
  private static Path sparse(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(OVER_2_GIB);
    }
    return file;
  }

  /** Two good articles around the bad one, so that "the others are still read" is counted. */
  private Path goodArticlesAnd(String badFolder) throws IOException {
    Path root = SampleArticles.root();
    LocalFolderSourceTest.copyFolder(root.resolve("elife-19405"), mirror.resolve("a/PMC5000001.1"));
    LocalFolderSourceTest.copyFolder(
        root.resolve("elife-30274-v1"), mirror.resolve("c/PMC5000003.1"));
    Path bad = mirror.resolve(badFolder);
    Files.createDirectories(bad);
    return bad;
  }

  private List<FetchOutcome> read() {
    return new LocalFolderSource(ArchiveLimits.defaults(), 2)
        .read(mirror)
        .collectList()
        .block(Duration.ofSeconds(20));
  }

  /** The one dead letter, after checking that the two good articles were read. */
  private static DeadLetter onlyDeadLetter(List<FetchOutcome> outcomes) {
    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.stream().filter(o -> o instanceof FetchedArticle)).hasSize(2);
    assertThat(outcomes.get(0)).isInstanceOf(FetchedArticle.class);
    assertThat(outcomes.get(2)).isInstanceOf(FetchedArticle.class);
    assertThat(outcomes.get(1)).isInstanceOf(FetchOutcome.Failed.class);
    return ((FetchOutcome.Failed) outcomes.get(1)).deadLetter();
  }

  @Test
  @Timeout(30)
  void shouldRefuseAnXmlOver2GiBBeforeReadingIt() throws IOException {
    Path bad = goodArticlesAnd("b/PMC5000002.1");
    Path xml = sparse(bad.resolve("PMC5000002.xml"));

    DeadLetter d = onlyDeadLetter(read());

    assertThat(d.reason()).isEqualTo("too-large");
    assertThat(d.pmcid()).isEqualTo("PMC5000002");
    assertThat(d.message())
        .isEqualTo(
            xml
                + " is "
                + OVER_2_GIB
                + " bytes, over the limit of "
                + ArticleFetcher.MAX_XML_BYTES
                + " for an article XML");
  }

  @Test
  @Timeout(30)
  void shouldRefuseAnImageOver2GiBBeforeReadingIt() throws IOException {
    Path bad = goodArticlesAnd("b/PMC5000002.1");
    Files.copy(SampleArticles.root().resolve("elife-19405/elife-19405.xml"), bad.resolve("a.xml"));
    Path image = sparse(bad.resolve("fig1.tif"));

    DeadLetter d = onlyDeadLetter(read());

    assertThat(d.reason()).isEqualTo("too-large");
    assertThat(d.message())
        .isEqualTo(
            image
                + " is "
                + OVER_2_GIB
                + " bytes, over the limit of "
                + ArticleFetcher.MAX_MEDIA_BYTES
                + " for an image");
  }

  @Test
  @Timeout(30)
  void shouldRefuseAnXmlThatLinksOutOfTheMirror() throws IOException {
    Path secret = Files.writeString(outside.resolve("secret.xml"), "<article>secret</article>");
    Path bad = goodArticlesAnd("b/PMC5000002.1");
    Path link = Files.createSymbolicLink(bad.resolve("PMC5000002.xml"), secret);

    List<FetchOutcome> outcomes = read();
    DeadLetter d = onlyDeadLetter(outcomes);

    // the reason a package's link entry gets: a mirror's links are refused the same way
    assertThat(d.reason()).isEqualTo("unsafe-archive-entry");
    assertThat(d.message())
        .isEqualTo(link + " is a symbolic link; links in a mirror are not followed");
    for (FetchOutcome o : outcomes) {
      if (o instanceof FetchedArticle a) {
        assertThat(new String(a.xml(), StandardCharsets.UTF_8)).doesNotContain("secret");
      }
    }
  }

  @Test
  @Timeout(30)
  void shouldNotWalkIntoALinkedFolder() throws IOException {
    Path elsewhere = outside.resolve("PMC5000009.1");
    LocalFolderSourceTest.copyFolder(SampleArticles.root().resolve("elife-19405"), elsewhere);
    goodArticlesAnd("b");
    Files.createSymbolicLink(mirror.resolve("b/PMC5000009.1"), elsewhere);

    List<FetchOutcome> outcomes = read();

    // Files.walk does not follow links, so the linked article is never a candidate at all
    assertThat(outcomes).hasSize(2).allMatch(o -> o instanceof FetchedArticle);
    assertThat(outcomes)
        .extracting(o -> ((FetchedArticle) o).announcement().pmcid())
        .containsExactly("PMC5000001", "PMC5000003");
  }
}
