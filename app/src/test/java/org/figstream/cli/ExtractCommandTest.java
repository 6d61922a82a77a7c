package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code figstream extract} in-process on the bundled samples. The totals are those counted
 * per article in SampleArticleCountsTest (processors), read off the XML and the media folders.
 */
class ExtractCommandTest {

  /** What one in-process run printed. */
  record Run(int exit, List<String> out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    List<String> lines = out.toString().lines().filter(l -> !l.isBlank()).toList();
    return new Run(exit, lines, err.toString());
  }

  @Test
  void shouldPrintOneJsonLinePerPairAndASummary() throws IOException {
    Run run = run("extract", SampleArticles.root().toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).hasSize(82);
    Set<String> pairIds =
        run.out().stream()
            .map(ExtractCommandTest::tree)
            .map(n -> n.get("pairId").asText())
            .collect(Collectors.toSet());
    assertThat(pairIds).hasSize(82).contains("doi:10.7554/eLife.19405/fig1/1");
    assertThat(run.err())
        .contains(
            "extract: 9 articles, 82 pairs (73 figures, 9 tables), "
                + "61 images resolved, 21 missing, 201 mentions, 0 failed");
  }

  @Test
  void shouldWriteEnumsAndMentionsAsDocumented() {
    Run run = run("extract", SampleArticles.root().resolve("elife-19405").toString());

    JsonNode pair = tree(run.out().get(0));
    assertThat(pair.get("kind").asText()).isEqualTo("figure");
    assertThat(pair.get("label").asText()).isEqualTo("Figure 1.");
    assertThat(pair.get("mediaFile").asText()).isEqualTo("elife-19405-fig1.tif");
    assertThat(pair.get("mentions")).hasSize(2);
    assertThat(pair.get("mentions").get(0).get("xrefText").asText()).isEqualTo("Figure 1");
  }

  @Test
  void shouldPrintArticleRecordsWithTheArticlesOption() {
    Run run = run("extract", "--articles", SampleArticles.root().toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).hasSize(9);
    JsonNode first = tree(run.out().get(0));
    assertThat(first.get("doi").asText()).isEqualTo("10.7554/eLife.19405");
    assertThat(first.get("license").get("code").asText()).isEqualTo("CC BY");
    assertThat(first.get("subset").asText()).isEqualTo("commercial");
  }

  @Test
  void shouldExitOneAndNameTheFileWhenAnArticleFails(@TempDir Path dir) throws IOException {
    Path good = SampleArticles.article("elife-19405").xmlFile();
    Files.copy(good, dir.resolve("good.xml"));
    byte[] bytes = Files.readAllBytes(good);
    Files.write(dir.resolve("cut.xml"), Arrays.copyOf(bytes, bytes.length / 2));

    Run run = run("extract", dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).hasSize(1);
    assertThat(run.err())
        .contains("cut.xml")
        .containsIgnoringCase("truncated")
        .contains("1 articles, 1 pairs")
        .contains("1 failed");
  }

  @Test
  @Timeout(30)
  void shouldRefuseAnXmlOver2GiBBeforeReadingIt(@TempDir Path dir) throws IOException {
    Files.copy(SampleArticles.article("elife-19405").xmlFile(), dir.resolve("a-good.xml"));
    Path huge = dir.resolve("b-huge.xml");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength((2L << 30) + 1); // sparse: no disk used, but sized past any Java array
    }

    Run run = run("extract", dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).hasSize(1);
    assertThat(run.err())
        .contains(
            "extract: "
                + huge
                + ": TOO_LARGE: the document is 2147483649 bytes, over the limit of 67108864\n")
        .contains("extract: 1 articles, 1 pairs")
        .contains("1 failed");
  }

  @Test
  void shouldReportAMissingPath() {
    Run run = run("extract", "/nonexistent/figstream");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("/nonexistent/figstream: no such file or folder");
  }

  @Test
  void shouldPrintHelpForEveryCommand() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"extract", "--help"})) {
      Run run = run(args);
      assertThat(run.exit()).isZero();
      assertThat(String.join("\n", run.out())).startsWith("Usage: figstream");
    }
    assertThat(String.join("\n", run("extract", "--help").out())).contains("--articles", "PATH");
  }

  private static JsonNode tree(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
