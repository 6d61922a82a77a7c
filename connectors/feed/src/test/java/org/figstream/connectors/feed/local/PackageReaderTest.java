package org.figstream.connectors.feed.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.figstream.connectors.feed.fetch.FetchOutcome;
import org.figstream.connectors.feed.fetch.FetchedArticle;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.DeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken legacy packages: each ends as a dead letter with its reason, nothing written.
 */
class PackageReaderTest {
  private static final byte[] XML = SampleArticles.article("elife-19405").xml();

  @TempDir Path dir;

  /** Writes a tar.gz whose entries are made by {@code entries}. */
  interface Entries {
    void write(TarArchiveOutputStream tar) throws IOException;
  }

  private Path archive(String name, Entries entries) throws IOException {
    Path file = dir.resolve("in").resolve(name);
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      entries.write(tar);
    }
    return file;
  }

  private static void file(TarArchiveOutputStream tar, String name, byte[] bytes)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(bytes.length);
    tar.putArchiveEntry(e);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static void link(TarArchiveOutputStream tar, String name, String target, byte type)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    e.setLinkName(target);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private FetchedArticle onlyArticle() {
    List<FetchOutcome> out =
        new LocalFolderSource(ArchiveLimits.defaults(), 1)
            .read(dir.resolve("in"))
            .collectList()
            .block();
    assertThat(out).hasSize(1);
    assertThat(out.get(0)).isInstanceOf(FetchedArticle.class);
    return (FetchedArticle) out.get(0);
  }

  private DeadLetter only(ArchiveLimits limits) {
    List<FetchOutcome> out =
        new LocalFolderSource(limits, 1).read(dir.resolve("in")).collectList().block();
    assertThat(out).hasSize(1);
    assertThat(out.get(0)).isInstanceOf(FetchOutcome.Failed.class);
    return ((FetchOutcome.Failed) out.get(0)).deadLetter();
  }

  private List<Path> filesOutsideInput() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(dir.resolve("in")))
          .toList();
    }
  }

  @Test
  void shouldRefuseAPathThatLeavesThePackage() throws IOException {
    archive(
        "PMC1.tar.gz",
        tar -> {
          file(tar, "PMC1/a.xml", XML);
          file(tar, "../evil.txt", "owned".getBytes());
        });
    DeadLetter d = only(ArchiveLimits.defaults());

    assertThat(d.reason()).isEqualTo("unsafe-archive-entry");
    assertThat(d.message()).contains("../evil.txt");
    assertThat(d.pmcid()).isEqualTo("PMC1");
    assertThat(filesOutsideInput()).isEmpty();
    assertThat(dir.getParent().resolve("evil.txt")).doesNotExist();
  }

  @Test
  void shouldRefuseAnAbsolutePath() throws IOException {
    archive(
        "PMC2.tar.gz",
        tar -> {
          byte[] bytes = "root:x:0:0".getBytes();
          TarArchiveEntry e =
              new TarArchiveEntry(
                  "/etc/passwd", true); // keep the leading slash, as an attacker would
          e.setSize(bytes.length);
          tar.putArchiveEntry(e);
          tar.write(bytes);
          tar.closeArchiveEntry();
        });

    assertThat(only(ArchiveLimits.defaults()).reason()).isEqualTo("unsafe-archive-entry");
  }

  @Test
  void shouldRefuseADriveLetterFollowedByALineBreak() throws IOException {
    // found by GeneratedHostileArchiveTest: "Z:\nA/A.jpg" passed the drive-letter check, whose
    // regex '.' stopped at the line break, and was read as an image
    archive(
        "PMC10.tar.gz",
        tar -> {
          file(tar, "PMC10/a.xml", XML);
          byte[] bytes = {1, 2, 3};
          TarArchiveEntry e = new TarArchiveEntry("Z:\nA/A.jpg", true);
          e.setSize(bytes.length);
          tar.putArchiveEntry(e);
          tar.write(bytes);
          tar.closeArchiveEntry();
        });
    DeadLetter d = only(ArchiveLimits.defaults());

    assertThat(d.reason()).isEqualTo("unsafe-archive-entry");
    assertThat(d.message()).contains("Z:\nA/A.jpg");
  }

  @Test
  void shouldRefuseSymbolicAndHardLinks() throws IOException {
    archive(
        "PMC3.tar.gz",
        tar -> {
          file(tar, "PMC3/a.xml", XML);
          link(tar, "PMC3/fig1.jpg", "/etc/shadow", TarArchiveEntry.LF_SYMLINK);
        });
    DeadLetter symlink = only(ArchiveLimits.defaults());
    Files.delete(dir.resolve("in/PMC3.tar.gz"));
    archive(
        "PMC4.tar.gz",
        tar -> {
          file(tar, "PMC4/a.xml", XML);
          link(tar, "PMC4/fig1.jpg", "PMC4/a.xml", TarArchiveEntry.LF_LINK);
        });
    DeadLetter hardLink = only(ArchiveLimits.defaults());

    assertThat(symlink.reason()).isEqualTo("unsafe-archive-entry");
    assertThat(symlink.message()).contains("link entry", "/etc/shadow");
    assertThat(hardLink.reason()).isEqualTo("unsafe-archive-entry");
  }

  @Test
  void shouldRefuseAnEntryOverThePerEntryLimit() throws IOException {
    archive(
        "PMC5.tar.gz",
        tar -> {
          file(tar, "PMC5/a.xml", XML);
          file(tar, "PMC5/fig1.jpg", new byte[200_000]);
        });

    DeadLetter d = only(new ArchiveLimits(10_000_000, 100_000, 100));
    assertThat(d.reason()).isEqualTo("archive-too-large");
    assertThat(d.message()).contains("fig1.jpg", "100000");
  }

  @Test
  void shouldStopAGzipBombAtTheTotalLimit() throws IOException {
    long zeros = 200L * 1024 * 1024;
    archive(
        "PMC6.tar.gz",
        tar -> {
          TarArchiveEntry e = new TarArchiveEntry("PMC6/supplement.bin");
          e.setSize(zeros);
          tar.putArchiveEntry(e);
          byte[] chunk = new byte[1 << 20];
          for (long written = 0; written < zeros; written += chunk.length) {
            tar.write(chunk);
          }
          tar.closeArchiveEntry();
        });
    assertThat(Files.size(dir.resolve("in/PMC6.tar.gz"))).isLessThan(1_000_000);

    DeadLetter d =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> only(new ArchiveLimits(10L * 1024 * 1024, 100L * 1024 * 1024, 100)));
    assertThat(d.reason()).isEqualTo("archive-too-large");
    assertThat(d.message()).contains("stopped reading");
    assertThat(filesOutsideInput()).isEmpty();
  }

  @Test
  void shouldRefuseAPackageWithoutXml() throws IOException {
    archive("PMC7.tar.gz", tar -> file(tar, "PMC7/fig1.jpg", new byte[10]));

    assertThat(only(ArchiveLimits.defaults()).reason()).isEqualTo("no-xml");
  }

  @Test
  void shouldRefuseATruncatedPackage() throws IOException {
    Path good =
        archive(
            "PMC8.tar.gz",
            tar -> {
              file(tar, "PMC8/a.xml", XML);
              file(tar, "PMC8/fig1.jpg", new byte[50_000]);
            });
    byte[] bytes = Files.readAllBytes(good);
    Files.write(good, Arrays.copyOf(bytes, bytes.length / 2));

    DeadLetter d = only(ArchiveLimits.defaults());
    assertThat(d.reason()).isEqualTo("corrupt-archive");
    assertThat(d.stage()).isEqualTo("local");
  }

  @Test
  void shouldReadPastEntriesItDoesNotNeed() throws IOException {
    archive(
        "PMC9.tar.gz",
        tar -> {
          file(tar, "PMC9/a.pdf", new byte[1000]);
          file(tar, "PMC9/a.nxml", XML);
          file(tar, "PMC9/fig1.JPG", new byte[] {1, 2, 3});
        });
    FetchedArticle a = onlyArticle();
    assertThat(a.xml()).isEqualTo(XML);
    assertThat(a.media()).containsOnlyKeys("fig1.JPG");
    try (InputStream unused = Files.newInputStream(dir.resolve("in/PMC9.tar.gz"))) {
      assertThat(filesOutsideInput()).isEmpty();
    }
  }

  @Test
  void shouldReadATarSplitAcrossTwoGzipMembers() throws IOException {
    ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
      file(tar, "PMC9/a.nxml", XML);
      file(tar, "PMC9/fig1.jpg", new byte[] {1, 2, 3});
    }
    byte[] whole = tarBytes.toByteArray();
    // gzip -c part1 part2 > file: one stream of two members, which gunzip and tar read whole
    int cut = XML.length + 700;
    Path file = dir.resolve("in").resolve("PMC9.tar.gz");
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(gzip(Arrays.copyOfRange(whole, 0, cut)));
      out.write(gzip(Arrays.copyOfRange(whole, cut, whole.length)));
    }

    FetchedArticle a = onlyArticle();
    assertThat(a.xml()).isEqualTo(XML);
    assertThat(a.media()).containsOnlyKeys("fig1.jpg");
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
