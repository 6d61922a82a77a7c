package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionException.Kind;
import org.figstream.processors.api.ExtractionWarning;
import org.figstream.processors.testdata.ManyXrefArticle;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.FigureRecord;
import org.figstream.records.Mention;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: one paragraph with 20,000 citations of a figure made 20,000 mentions each holding the
 * whole 440,000-character paragraph: 8.8 billion characters once serialised. The sizes are summed,
 * never serialised, so that the test itself stays small whatever the extractor returns.
 */
class OutputLimitsTest {
  private final JatsExtractor extractor = new JatsExtractor();

  @Test
  void shouldKeepTheFirstMentionsOfAFigureAndSayHowManyWereDropped() {
    int before = mentions(extract(SampleArticles.article(ManyXrefArticle.SAMPLE).xml())).size();
    byte[] xml = ManyXrefArticle.xml();
    assertThat(xml.length).isBetween(1_500_000, 1_700_000);

    ExtractedArticle article = extract(xml);

    List<Mention> kept = mentions(article);
    assertThat(before).isEqualTo(1);
    assertThat(kept).hasSize(OutputLimits.MENTIONS_PER_FIGURE).hasSize(64);
    assertThat(kept.get(0).sentence()).doesNotContain("As shown in Figure 1");
    assertThat(kept.get(1).sentence()).isEqualTo("As shown in Figure 1.");
    assertThat(article.warnings())
        .extracting(ExtractionWarning::reason)
        .containsExactly("mentions-truncated", "text-truncated");
    // 1 + 20,000 citations, 64 kept; the 63 new ones each cut from a 440,000-character paragraph
    assertThat(article.warnings().get(0).message())
        .startsWith(ManyXrefArticle.FIGURE + " lost 19937 of its 20001 mentions (at most 64");
    assertThat(article.warnings().get(1).message())
        .endsWith(": 63 mention paragraphs to 10000 characters");
    long chars = 0;
    for (FigureRecord f : article.figures()) {
      for (Mention m : f.mentions()) {
        chars += m.xrefText().length() + m.sentence().length() + m.paragraph().length();
      }
    }
    // 64 mentions of at most 200 + 1,000 + 10,000 characters; before the fix 8,800,569,557
    assertThat(chars).isLessThanOrEqualTo(64L * (200 + 1_000 + 10_000));
    assertThat(kept.get(63).paragraph()).hasSize(OutputLimits.PARAGRAPH_CHARS);
  }

  @Test
  void shouldCutALongSentenceToAWindowAroundTheCitation() {
    // 2,000 citations in one sentence of 42,000 characters
    ExtractedArticle article = extract(ManyXrefArticle.xml(2_000, " "));

    List<Mention> kept = mentions(article);
    assertThat(kept).hasSize(64);
    for (Mention m : kept.subList(1, 64)) {
      assertThat(m.sentence()).hasSizeLessThanOrEqualTo(OutputLimits.SENTENCE_CHARS);
      assertThat(m.sentence()).contains("As shown in Figure 1");
    }
    assertThat(article.warnings())
        .extracting(ExtractionWarning::message)
        .containsExactly(
            ManyXrefArticle.FIGURE
                + " lost 1937 of its 2001 mentions (at most 64 are kept per figure, the first in"
                + " the text)",
            "cut to a window around the citation or to their first characters: 63 mention"
                + " sentences to 1000 characters, 63 mention paragraphs to 10000 characters");
  }

  @Test
  void shouldRefuseAnArticleWhosePairsWouldOutgrowTheBudget() {
    // one caption of 20,000 characters copied into each of 1,000 pairs: 20.5 Mi characters
    String caption = "x ".repeat(10_000);
    String graphics = "<graphic xlink:href=\"many.tif\"/>".repeat(1_000);
    byte[] xml =
        ManyXrefArticle.inBody(
            "<fig id=\"many\"><caption><p>" + caption + "</p></caption>" + graphics + "</fig>");
    assertThat(xml.length).isLessThan(200_000);

    assertThatThrownBy(() -> extract(xml))
        .isInstanceOfSatisfying(
            ExtractionException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE))
        .hasMessageContaining("more than 16777216 characters");
  }

  @Test
  void shouldLeaveTheRealArticlesUntouched() {
    for (SampleArticles.Sample s : SampleArticles.all()) {
      assertThat(extractor.extract(s.xml(), s.media()).get(0).warnings()).as(s.dir()).isEmpty();
    }
  }

  private ExtractedArticle extract(byte[] xml) {
    return extractor.extract(xml, SampleArticles.article(ManyXrefArticle.SAMPLE).media()).get(0);
  }

  private static List<Mention> mentions(ExtractedArticle article) {
    return article.figures().stream()
        .filter(f -> f.figureId().equals(ManyXrefArticle.FIGURE))
        .findFirst()
        .orElseThrow()
        .mentions();
  }
}
