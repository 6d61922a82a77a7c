package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleArticles.Sample;
import org.figstream.records.Article;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;

/** The same article in different envelopes gives the same records; hints and image grouping. */
class NamespaceAndWrapperTest {
  private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private final JatsExtractor extractor = new JatsExtractor();

  private static String text(byte[] xml) {
    return new String(xml, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /** The root {@code article} element alone: no XML declaration, no DOCTYPE, no wrapper. */
  private static String articleElement(String xml) {
    int start = xml.indexOf("<article ");
    int end = xml.lastIndexOf("</article>") + "</article>".length();
    assertThat(start).isNotNegative();
    return xml.substring(start, end);
  }

  @Test
  void shouldExtractTheSameRecordsWithADefaultJatsNamespace() {
    for (String dir : List.of("elife-30274-v1", "pone.0056489", "pone.0091296")) {
      Sample s = SampleArticles.article(dir);
      String xml = text(s.xml());
      String namespaced =
          xml.replaceFirst("<article ", "<article xmlns=\"http://jats.nlm.nih.gov\" ");
      assertThat(namespaced).as(dir).contains("<article xmlns=\"http://jats.nlm.nih.gov\" ");

      List<ExtractedArticle> plain = extractor.extract(s.xml(), s.media());
      List<ExtractedArticle> withNamespace = extractor.extract(bytes(namespaced), s.media());

      assertThat(plain.get(0).figures()).as(dir).isNotEmpty();
      assertThat(withNamespace).as(dir).isEqualTo(plain);
    }
  }

  @Test
  void shouldExtractTheSameRecordsWithAndWithoutThePmcArticlesetWrapper() {
    Sample s = SampleArticles.article("elife-30274-v1");
    String wrapped =
        XML_DECLARATION + "<pmc-articleset>" + articleElement(text(s.xml())) + "</pmc-articleset>";
    assertThat(extractor.extract(bytes(wrapped), s.media()))
        .isEqualTo(extractor.extract(s.xml(), s.media()));

    byte[] efetch = SampleArticles.fixture("efetch_pmc_PMC9872380.xml");
    String unwrapped = XML_DECLARATION + articleElement(text(efetch));
    assertThat(unwrapped).doesNotContain("pmc-articleset");
    List<ExtractedArticle> fromWrapped = extractor.extract(efetch, List.of());
    assertThat(extractor.extract(bytes(unwrapped), List.of())).isEqualTo(fromWrapped);
    assertThat(fromWrapped.get(0).figures()).hasSize(3);
  }

  @Test
  void shouldYieldEveryArticleOfAnArticlesetInOrder() {
    byte[] first = SampleArticles.fixture("pone.0046493.nxml");
    byte[] second = SampleArticles.fixture("pone.0000217.nxml");
    String set =
        XML_DECLARATION
            + "<pmc-articleset>"
            + articleElement(text(first))
            + "\n"
            + articleElement(text(second))
            + "</pmc-articleset>";

    List<ExtractedArticle> both = extractor.extract(bytes(set), List.of());

    assertThat(both)
        .extracting(a -> a.article().articleKey())
        .containsExactly("PMC3460867", "PMC1790863");
    assertThat(both.get(0)).isEqualTo(extractor.extract(first, List.of()).get(0));
    assertThat(both.get(1)).isEqualTo(extractor.extract(second, List.of()).get(0));
    assertThat(both.get(0).figures())
        .hasSize(7)
        .allMatch(r -> r.pairId().startsWith("PMC3460867/"));
    assertThat(both.get(1).figures())
        .hasSize(3)
        .allMatch(r -> r.pairId().startsWith("PMC1790863/"));
  }

  @Test
  void shouldTakeThePmcidAndVersionFromTheHintWhenTheXmlHasNone() {
    // eLife's own XML has no PMCID; the hint's ids are made up for the test.
    Sample s = SampleArticles.article("elife-30274-v1");
    ExtractedArticle hinted =
        extractor.extract(s.xml(), s.media(), new ArticleHint("1234567", 3)).get(0);

    Article a = hinted.article();
    assertThat(a.pmcid()).isEqualTo("PMC1234567");
    assertThat(a.version()).isEqualTo(3);
    assertThat(a.articleKey()).isEqualTo("PMC1234567");
    assertThat(a.doi()).isEqualTo("10.7554/eLife.30274");
    assertThat(hinted.figures())
        .extracting(FigureRecord::pairId)
        .containsExactly(
            "PMC1234567/fig1/1",
            "PMC1234567/fig2/1",
            "PMC1234567/fig2s1/1",
            "PMC1234567/fig2s2/1",
            "PMC1234567/fig3/1");

    Article unhinted = extractor.extract(s.xml(), s.media()).get(0).article();
    assertThat(unhinted.pmcid()).isNull();
    assertThat(unhinted.version()).isNull();
    assertThat(unhinted.articleKey()).isEqualTo("doi:10.7554/eLife.30274");

    // The XML's own PMCID wins; the version, which no XML carries, still comes from the hint.
    Article pmc =
        extractor
            .extract(
                SampleArticles.fixture("efetch_pmc_PMC9872380.xml"),
                List.of(),
                new ArticleHint("PMC1", 2))
            .get(0)
            .article();
    assertThat(pmc.pmcid()).isEqualTo("PMC9872380");
    assertThat(pmc.articleKey()).isEqualTo("PMC9872380");
    assertThat(pmc.version()).isEqualTo(2);
  }

  @Test
  void shouldCountAlternativesAsOneImageAndSiblingGraphicsAsSeveral() {
    String xml =
        """
        <article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"><front>
        <article-meta><article-id pub-id-type="doi">10.1234/images</article-id></article-meta></front>
        <body><sec><p>See <xref ref-type="fig" rid="f1">Figure 1</xref> and <xref ref-type="fig" rid="f2">Figure
        2</xref>.</p>
        <fig id="f1"><label>Figure 1</label><caption><title>One image, two renditions.</title></caption>
          <alternatives><graphic xlink:href="f1.tif"/><graphic xlink:href="f1.png"/></alternatives></fig>
        <fig id="f2"><label>Figure 2</label><caption><title>Two panels.</title></caption>
          <graphic xlink:href="f2a.tif"/><graphic xlink:href="f2b.tif"/></fig>
        </sec></body></article>""";

    List<FigureRecord> records =
        extractor.extract(bytes(xml), List.of("f1.png", "f2a.tif", "f2b.tif")).get(0).figures();

    assertThat(records)
        .extracting(
            FigureRecord::pairId,
            FigureRecord::graphicIndex,
            FigureRecord::href,
            FigureRecord::mediaFile)
        .containsExactly(
            tuple("doi:10.1234/images/f1/1", 1, "f1.tif", "f1.png"),
            tuple("doi:10.1234/images/f2/1", 1, "f2a.tif", "f2a.tif"),
            tuple("doi:10.1234/images/f2/2", 2, "f2b.tif", "f2b.tif"));
    assertThat(records)
        .extracting(FigureRecord::caption)
        .containsExactly("One image, two renditions.", "Two panels.", "Two panels.");
    assertThat(records).extracting(r -> r.mentions().size()).containsExactly(1, 1, 1);
    assertThat(records.get(2).mentions().get(0).xrefText()).isEqualTo("Figure 2");
  }
}
