package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code figstream feed --sample} in-process, over the bucket emulator; day contents as in
 * SampleBucket.
 */
class FeedCommandTest {

  record Run(int exit, List<JsonNode> out, String err) {}

  static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    List<JsonNode> lines =
        out.toString().lines().filter(l -> l.startsWith("{")).map(FeedCommandTest::tree).toList();
    return new Run(exit, lines, err.toString());
  }

  private static JsonNode tree(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }

  private static List<String> versions(Run run) {
    return run.out().stream()
        .map(
            n ->
                n.get("change").asText()
                    + " "
                    + n.get("pmcid").asText()
                    + "."
                    + n.get("version").asText())
        .toList();
  }

  @Test
  void shouldPrintTheSampleFeedDayByDayAndResumeFromItsDataDirectory(@TempDir Path data) {
    String samples = SampleArticles.root().toString();
    Run day1 =
        run(
            Map.of(),
            "feed",
            "--sample",
            "--sample-dir",
            samples,
            "--sample-days",
            "1",
            "--data-dir",
            data.toString());
    Run day2 =
        run(Map.of(), "feed", "--sample", "--sample-dir", samples, "--data-dir", data.toString());
    Run again =
        run(Map.of(), "feed", "--sample", "--sample-dir", samples, "--data-dir", data.toString());

    assertThat(day1.exit()).isZero();
    assertThat(versions(day1))
        .hasSize(8)
        .allMatch(v -> v.startsWith("VERSION ") && v.endsWith(".1"));
    assertThat(day1.err())
        .contains(
            "feed: inventory 2026-11-20T01-00Z: 9 rows, 8 announced, 0 removed, "
                + "0 unchanged, 1 skipped, 0 failed");
    assertThat(versions(day2))
        .containsExactly(
            "VERSION PMC99000002.2",
            "VERSION PMC99000003.1",
            "VERSION PMC99000009.1",
            "REMOVAL PMC99000004.1");
    assertThat(day2.out().get(1).get("metadata").get("retracted").asBoolean()).isTrue();
    assertThat(again.out()).isEmpty();
    assertThat(again.err()).contains("inventory 2026-11-21T01-00Z was already processed");
    assertThat(Files.exists(data.resolve("feed/cursor.json"))).isTrue();
  }

  @Test
  void shouldFetchEveryAnnouncedVersionThroughInjectedFaults(@TempDir Path data) {
    Run run =
        run(
            Map.of("APP_DATA_DIR", data.toString()),
            "feed",
            "--sample",
            "--sample-dir",
            SampleArticles.root().toString(),
            "--sample-days",
            "1",
            "--fetch",
            "--sample-faults",
            "0.2");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).hasSize(8).allMatch(n -> n.get("fetched").has("xmlBytes"));
    JsonNode first = run.out().get(0).get("fetched");
    assertThat(first.get("images").get("elife-19405-fig1.tif").asLong())
        .isEqualTo(
            SampleArticles.root().resolve("elife-19405/elife-19405-fig1.tif").toFile().length());
    assertThat(Files.exists(data.resolve("feed/cursor.json"))).as("APP_DATA_DIR was used").isTrue();
  }

  @Test
  void shouldExtractThePairsOfEveryVersionOfTheSampleFeed(@TempDir Path data) {
    Run run =
        run(
            Map.of(),
            "feed",
            "--sample",
            "--sample-dir",
            SampleArticles.root().toString(),
            "--extract",
            "--data-dir",
            data.toString());

    // day 2 holds every sample but elife-46472-v3 (article 4, removed: 8 figures), plus version 2
    // of
    // elife-30274-v1 (article 2) with one figure less: 82 - 8 + 4 pairs
    assertThat(run.exit()).isZero();
    assertThat(run.out()).hasSize(78);
    assertThat(run.out())
        .extracting(n -> n.get("articleKey").asText())
        .doesNotContain("PMC99000004")
        .contains("PMC99000001", "PMC99000009");
    assertThat(run.out().stream().filter(n -> n.get("pairId").asText().startsWith("PMC99000002/")))
        .hasSize(9);
    assertThat(run.err())
        .contains(
            "extract: 9 articles, 78 pairs (69 figures, 9 tables), 57 images resolved, "
                + "21 missing");
  }

  @Test
  void shouldReadAMirrorOnDisk() {
    Run run = run(Map.of(), "feed", "--mirror", SampleArticles.root().toString(), "--extract");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).hasSize(82);
    assertThat(run.err()).contains("9 articles read, 0 dead letters");
  }

  @Test
  void shouldExplainItsOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));

    assertThat(cli.execute("feed", "--help")).isZero();
    assertThat(out.toString())
        .contains("--sample", "--bucket-url", "--start-policy", "--data-dir", "--fetch");
  }
}
