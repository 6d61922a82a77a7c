package org.figstream.connectors.feed.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.figstream.connectors.feed.fetch.FetchOutcome;
import org.figstream.connectors.feed.fetch.FetchedArticle;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mirror on disk: sample folders under PMC-style names, and a legacy package built from one. */
class LocalFolderSourceTest {

  @TempDir Path mirror;

  static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  /**
   * A tar.gz holding every file of a sample folder under {@code PMCn/}, as the old FTP packages
   * did.
   */
  static Path pack(Path folder, Path target, String inner) throws IOException {
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(out));
        Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        TarArchiveEntry e = new TarArchiveEntry(f.toFile(), inner + "/" + f.getFileName());
        tar.putArchiveEntry(e);
        Files.copy(f, tar);
        tar.closeArchiveEntry();
      }
    }
    return target;
  }

  static List<String> images(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(SampleArticles::isImage)
          .sorted()
          .toList();
    }
  }

  @Test
  void shouldReadArticleFoldersAndPackagesWithOnlyTheirImages() throws IOException {
    Path root = SampleArticles.root();
    copyFolder(root.resolve("elife-19405"), mirror.resolve("a/PMC5000001.2"));
    copyFolder(root.resolve("pone.0056489"), mirror.resolve("b/pone.0056489"));
    pack(root.resolve("elife-30274-v1"), mirror.resolve("c/PMC5000003.tar.gz"), "PMC5000003");

    List<FetchOutcome> outcomes =
        new LocalFolderSource(ArchiveLimits.defaults(), 2).read(mirror).collectList().block();

    assertThat(outcomes).hasSize(3).allMatch(o -> o instanceof FetchedArticle);
    FetchedArticle folder = (FetchedArticle) outcomes.get(0);
    assertThat(folder.announcement().pmcid()).isEqualTo("PMC5000001");
    assertThat(folder.announcement().version()).isEqualTo(2);
    assertThat(folder.announcement().source()).isEqualTo("folder:a/PMC5000001.2");
    assertThat(folder.media().keySet())
        .containsExactly("elife-19405-fig1.tif", "elife-19405-inf1.tif");
    assertThat(folder.xml())
        .isEqualTo(Files.readAllBytes(root.resolve("elife-19405/elife-19405.xml")));

    FetchedArticle plos = (FetchedArticle) outcomes.get(1);
    assertThat(plos.announcement().pmcid()).isNull();
    assertThat(plos.media().keySet())
        .containsExactlyElementsOf(images(root.resolve("pone.0056489")));

    FetchedArticle pkg = (FetchedArticle) outcomes.get(2);
    Path source = root.resolve("elife-30274-v1");
    assertThat(pkg.announcement().pmcid()).isEqualTo("PMC5000003");
    assertThat(pkg.announcement().source()).isEqualTo("package:c/PMC5000003.tar.gz");
    assertThat(pkg.xml()).isEqualTo(Files.readAllBytes(source.resolve("main.jats.xml")));
    assertThat(pkg.media().keySet()).containsExactlyInAnyOrderElementsOf(images(source));
    for (String image : images(source)) {
      assertThat(pkg.media().get(image)).isEqualTo(Files.readAllBytes(source.resolve(image)));
    }
  }
}
