package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.image.BadImages;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input the issue names, in one article: each figure gets its line, with what
 * could be made and a reason for what could not; none stops the others.
 */
class EnrichBadInputTest {
  private static final String HUGE_CAPTION =
      "Bars show the mean growth of treated cultures relative to controls. ".repeat(20_000);

  @TempDir Path dataDir;

  @Test
  void shouldGiveEveryBadInputAResultOrAReason() throws Exception {
    Path article = dataDir.resolve("articles/bad");
    Files.createDirectories(article);
    Files.write(article.resolve("cmyk.jpg"), BadImages.cmykJpeg());
    Files.write(article.resolve("grey16.png"), BadImages.grey16Png());
    Files.write(article.resolve("corrupt.png"), BadImages.corruptPng());
    Files.write(article.resolve("empty.png"), new byte[0]);
    Files.write(article.resolve("enormous.png"), BadImages.enormousPng());
    Files.copy(
        SampleArticles.root().resolve("elife-19405/elife-19405-fig1.tif"),
        article.resolve("fine.tif"));
    Files.copy(
        SampleArticles.root().resolve("elife-19405/elife-19405-fig1.tif"),
        article.resolve("fine2.tif"));
    StringBuilder body = new StringBuilder();
    String[][] figures = {
      {"f1", "cmyk.jpg", "Western blot of lysates, CMYK scan."},
      {"f2", "grey16.png", "Gradient calibration image recorded at 16 bits."},
      {"f3", "corrupt.png", "A figure whose file is broken."},
      {"f4", "empty.png", "A figure whose file is empty."},
      {"f5", "enormous.png", "A figure whose header claims ten billion pixels."},
      {"f6", "fine.tif", ""},
      {"f7", "fine2.tif", HUGE_CAPTION}
    };
    for (String[] f : figures) {
      body.append("<fig id=\"")
          .append(f[0])
          .append("\"><label>Figure ")
          .append(f[0].substring(1))
          .append("</label><caption><p>")
          .append(f[2])
          .append("</p></caption><graphic xlink:href=\"")
          .append(f[1])
          .append("\"/></fig>");
    }
    Files.writeString(
        article.resolve("bad.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\"><front><article-meta>"
            + "<article-id pub-id-type=\"doi\">10.1234/bad.1</article-id></article-meta></front><body>"
            + body
            + "</body></article>");

    EnrichCommandTest.Run run = EnrichCommandTest.enrich(dataDir, article.toString());

    assertThat(run.exit()).isZero();
    Map<String, JsonNode> byLabel = new HashMap<>();
    run.lines().forEach(l -> byLabel.put(l.get("label").asText(), l));
    assertThat(byLabel).hasSize(7);
    assertImage(byLabel.get("Figure 1"), null);
    assertImage(byLabel.get("Figure 2"), null);
    assertImage(byLabel.get("Figure 3"), "image-corrupt");
    assertImage(byLabel.get("Figure 4"), "image-empty");
    assertImage(byLabel.get("Figure 5"), "image-too-many-pixels");
    for (String ok :
        List.of("Figure 1", "Figure 2", "Figure 3", "Figure 4", "Figure 5", "Figure 7")) {
      assertThat(byLabel.get(ok).get("captionEmbedding").get("dimensions").asInt()).isEqualTo(384);
      GlobalLabels.assertTopK(byLabel.get(ok).get("labels").get("global"), 3);
    }
    JsonNode noCaption = byLabel.get("Figure 6");
    assertThat(noCaption.get("imageEmbedding").get("dimensions").asInt()).isEqualTo(1280);
    assertThat(noCaption.get("captionEmbedding").isNull()).isTrue();
    assertThat(noCaption.get("labels").isNull()).isTrue();
    assertThat(noCaption.get("problems")).hasSize(1);
    assertThat(noCaption.get("problems").get(0).get("reason").asText()).isEqualTo("caption-empty");
    assertThat(byLabel.get("Figure 7").get("problems")).isEmpty();
    assertThat(run.err())
        .contains(
            "enrich: 1 articles, 7 figures, 4 image embeddings, 6 caption embeddings, "
                + "6 labelled, 4 problems");
  }

  /**
   * Files over 2 GiB (sparse: no disk used) once crashed or hung the command, being read whole
   * before any size check: each is now refused unread, and the rest is enriched.
   */
  @Test
  @Timeout(120)
  void shouldRefuseFilesOver2GiBBeforeReadingThem() throws Exception {
    Path article = dataDir.resolve("articles/a");
    Files.createDirectories(article);
    Files.copy(
        SampleArticles.root().resolve("elife-19405/elife-19405-fig1.tif"),
        article.resolve("fine.tif"));
    Path hugeImage = sparse(article.resolve("huge.tif"));
    Files.writeString(
        article.resolve("a.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\"><front><article-meta>"
            + "<article-id pub-id-type=\"doi\">10.1234/huge.1</article-id></article-meta></front>"
            + "<body><fig id=\"f1\"><label>Figure 1</label><caption><p>Cells under a microscope."
            + "</p></caption><graphic xlink:href=\"fine.tif\"/></fig><fig id=\"f2\"><label>Figure "
            + "2</label><caption><p>A figure whose file is over 2 GiB.</p></caption><graphic "
            + "xlink:href=\"huge.tif\"/></fig></body></article>");
    Path hugeXml = sparse(Files.createDirectories(dataDir.resolve("articles/b")).resolve("b.xml"));

    EnrichCommandTest.Run run =
        EnrichCommandTest.enrich(dataDir, dataDir.resolve("articles").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "enrich: "
                + hugeXml
                + ": TOO_LARGE: the document is 2147483649 bytes, over the limit of 67108864\n")
        .contains(
            "enrich: 1 articles, 2 figures, 1 image embeddings, 2 caption embeddings, "
                + "2 labelled, 1 problems, 1 articles failed");
    assertThat(run.lines()).hasSize(2);
    assertImage(run.lines().get(0), null);
    JsonNode huge = run.lines().get(1);
    assertImage(huge, "image-too-large");
    assertThat(huge.get("problems").get(0).get("message").asText())
        .isEqualTo(
            "TOO_LARGE: " + hugeImage + " is 2147483649 bytes, more than the limit of 67108864");
  }

  private static Path sparse(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength((2L << 30) + 1);
    }
    return file;
  }

  private static void assertImage(JsonNode line, String problem) {
    if (problem == null) {
      assertThat(line.get("imageEmbedding").get("dimensions").asInt()).isEqualTo(1280);
      assertThat(line.get("problems")).isEmpty();
      return;
    }
    assertThat(line.get("imageProblem").asText()).isEqualTo(problem);
    assertThat(line.get("imageEmbedding").isNull()).isTrue();
    assertThat(line.get("problems")).hasSize(1);
    assertThat(line.get("problems").get(0).get("stage").asText()).isEqualTo("image");
    assertThat(line.get("problems").get(0).get("reason").asText()).isEqualTo(problem);
  }
}
