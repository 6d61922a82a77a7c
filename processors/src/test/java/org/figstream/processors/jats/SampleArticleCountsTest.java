package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleArticles.Sample;
import org.figstream.records.FigureKind;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact counts for every bundled article. The expected numbers were derived independently of this
 * code: each XML was read with Python's ElementTree and cross-checked with minidom and with raw
 * counts of {@code <fig}, {@code <table-wrap} and {@code <graphic} (formula graphics and XML-only
 * tables account for every difference). pone.0038869 lacks 20 figure images and its table image.
 * Mentions are xrefs in running text; elife-30274 also cites Figure 2 from three table footnotes
 * and two captions, which are not running text.
 */
class SampleArticleCountsTest {
  private final JatsExtractor extractor = new JatsExtractor();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // dir,          article key,                              pairs, figures, tables, resolved,
    // missing, mentions
    "elife-19405,    doi:10.7554/eLife.19405,                  1,     1,       0,      1,        0,       2",
    "elife-30274-v1, doi:10.7554/eLife.30274,                  5,     5,       0,      5,        0,       13",
    "elife-43154-v2, doi:10.7554/eLife.43154,                  3,     3,       0,      3,        0,       7",
    "elife-46472-v3, doi:10.7554/eLife.46472,                  8,     8,       0,      8,        0,       31",
    "elife-46793-v1, doi:10.7554/eLife.46793,                  19,    19,      0,      19,       0,       67",
    "pone.0038869,   doi:10.1371/journal.pone.0038869,         23,    22,      1,      2,        21,      29",
    "pone.0056489,   doi:10.1371/journal.pone.0056489,         6,     3,       3,      6,        0,       8",
    "pone.0091296,   doi:10.1371/journal.pone.0091296,         14,    9,       5,      14,       0,       34",
    "pone.0093988,   doi:10.1371/journal.pone.0093988,         3,     3,       0,      3,        0,       10",
  })
  void shouldExtractExactCountsFromEverySampleArticle(
      String dir,
      String key,
      int pairs,
      int figures,
      int tables,
      int resolved,
      int missing,
      int mentions) {
    Sample sample = SampleArticles.article(dir);
    List<ExtractedArticle> result = extractor.extract(sample.xml(), sample.media());

    assertThat(result).hasSize(1);
    List<FigureRecord> records = result.get(0).figures();
    assertThat(result.get(0).article().articleKey()).isEqualTo(key);
    assertThat(records).hasSize(pairs);
    assertThat(records).filteredOn(r -> r.kind() == FigureKind.FIGURE).hasSize(figures);
    assertThat(records).filteredOn(r -> r.kind() == FigureKind.TABLE).hasSize(tables);
    assertThat(records).filteredOn(r -> !r.imageMissing()).hasSize(resolved);
    assertThat(records).filteredOn(FigureRecord::imageMissing).hasSize(missing);
    assertThat(records.stream().mapToInt(r -> r.mentions().size()).sum()).isEqualTo(mentions);
    assertThat(records)
        .extracting(FigureRecord::pairId)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith(key + "/"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // fixture,                   article key,                 pairs, figures, tables, mentions
    "pone.0046493.nxml,           PMC3460867,                  7,     4,       3,      17",
    "pone.0000217.nxml,           PMC1790863,                  3,     3,       0,      5",
    // elife05502: 111 = 107 citations in body paragraphs + 4 in Box 1, whose text eLife puts in the
    // box's caption (a box caption is running text; a figure caption is not)
    "elife05502.xml,              doi:10.7554/eLife.05502,     18,    18,      0,      111",
    "elife07586.xml,              doi:10.7554/eLife.07586,     0,     0,       0,      0",
    "efetch_pmc_PMC9872380.xml,   PMC9872380,                  3,     3,       0,      4",
  })
  void shouldExtractExactCountsFromEveryPmcFixture(
      String fixture, String key, int pairs, int figures, int tables, int mentions) {
    List<ExtractedArticle> result = extractor.extract(SampleArticles.fixture(fixture), List.of());

    assertThat(result).hasSize(1);
    List<FigureRecord> records = result.get(0).figures();
    assertThat(result.get(0).article().articleKey()).isEqualTo(key);
    assertThat(records).hasSize(pairs).allMatch(FigureRecord::imageMissing);
    assertThat(records).filteredOn(r -> r.kind() == FigureKind.FIGURE).hasSize(figures);
    assertThat(records).filteredOn(r -> r.kind() == FigureKind.TABLE).hasSize(tables);
    assertThat(records.stream().mapToInt(r -> r.mentions().size()).sum()).isEqualTo(mentions);
  }
}
