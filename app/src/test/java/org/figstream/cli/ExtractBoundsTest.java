package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.figstream.processors.testdata.ManyXrefArticle;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: {@code figstream extract} on the article of 20,000 citations of one figure died of a
 * Jackson buffer overrun (each of the 20,000 mentions held the whole paragraph). Now it prints the
 * article's pairs, that figure with its first 64 mentions, and says on stderr what was cut.
 */
class ExtractBoundsTest {

  @Test
  void shouldPrintBoundedPairsAndWarnOfTheDroppedMentions(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve(ManyXrefArticle.SAMPLE + ".xml");
    Files.write(xml, ManyXrefArticle.xml());
    Path original = SampleArticles.article(ManyXrefArticle.SAMPLE).xmlFile();

    ExtractCommandTest.Run run = ExtractCommandTest.run("extract", xml.toString());
    ExtractCommandTest.Run before = ExtractCommandTest.run("extract", original.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).hasSameSizeAs(before.out()).hasSize(6);
    JsonNode cited =
        run.out().stream()
            .map(ExtractBoundsTest::tree)
            .filter(n -> n.get("figureId").asText().equals(ManyXrefArticle.FIGURE))
            .findFirst()
            .orElseThrow();
    assertThat(cited.get("mentions")).hasSize(64);
    // 64 mentions of at most 200 + 1,000 + 10,000 characters, and the rest of the record
    for (String line : run.out()) {
      assertThat(line.length()).isLessThan(64 * 11_200 + 20_000);
    }
    assertThat(run.err())
        .contains(
            ": warning: mentions-truncated: "
                + ManyXrefArticle.FIGURE
                + " lost 19937 of its 20001 mentions")
        .contains(": warning: text-truncated: ")
        // the sample has 8 mentions, 1 of them of this figure: 63 of the 20,000 more are kept
        .contains(
            "6 pairs (3 figures, 3 tables), 0 images resolved, 6 missing, 71 mentions, 0 failed");
    assertThat(before.err()).contains(" 8 mentions, 0 failed").doesNotContain("warning");
  }

  private static JsonNode tree(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
