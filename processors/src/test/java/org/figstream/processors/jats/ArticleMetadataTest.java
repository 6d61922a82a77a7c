package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleArticles.Sample;
import org.figstream.records.Article;
import org.figstream.records.Article.Abstract;
import org.figstream.records.Article.Issn;
import org.figstream.records.Article.PubDate;
import org.figstream.records.Article.RelatedArticle;
import org.figstream.records.Article.Subject;
import org.figstream.records.LicenseCode;
import org.figstream.records.Subset;
import org.junit.jupiter.api.Test;

/** Article-level fields against the {@code front} of the real XML, read by hand. */
class ArticleMetadataTest {
  private final JatsExtractor extractor = new JatsExtractor();

  private Article sample(String dir) {
    Sample s = SampleArticles.article(dir);
    return extractor.extract(s.xml(), s.media()).get(0).article();
  }

  private ExtractedArticle fixture(String name) {
    return extractor.extract(SampleArticles.fixture(name), List.of()).get(0);
  }

  @Test
  void shouldReadTheIdsTypeAndTitleOfAPmcArticle() {
    Article a = fixture("efetch_pmc_PMC9872380.xml").article();

    assertThat(a.articleKey()).isEqualTo("PMC9872380");
    assertThat(a.pmcid()).isEqualTo("PMC9872380");
    assertThat(a.version()).as("PMC XML carries no version").isNull();
    assertThat(a.pmid()).isEqualTo("36690965");
    assertThat(a.doi()).isEqualTo("10.1186/s12889-023-15060-9");
    assertThat(a.articleIds())
        .containsExactly(
            entry("pmid", "36690965"),
            entry("pmc", "9872380"),
            entry("publisher-id", "15060"),
            entry("doi", "10.1186/s12889-023-15060-9"));
    assertThat(a.articleType()).isEqualTo("research-article");
    assertThat(a.title())
        .isEqualTo(
            "Effect of an electronic reminder of follow-up screening after pregnancy"
                + " complicated by gestational diabetes mellitus: a randomized controlled trial");

    Article elife = fixture("elife05502.xml").article();
    assertThat(elife.articleKey()).isEqualTo("doi:10.7554/eLife.05502");
    assertThat(elife.pmcid()).isNull();
    assertThat(elife.pmid()).isNull();
    assertThat(elife.articleIds())
        .containsExactly(entry("publisher-id", "05502"), entry("doi", "10.7554/eLife.05502"));
  }

  @Test
  void shouldReadTheJournal() {
    Article.Journal bmc = fixture("efetch_pmc_PMC9872380.xml").article().journal();
    assertThat(bmc.title()).isEqualTo("BMC Public Health");
    assertThat(bmc.ids())
        .containsExactly(
            entry("nlm-ta", "BMC Public Health"), entry("iso-abbrev", "BMC Public Health"));
    assertThat(bmc.issns()).containsExactly(new Issn("epub", "1471-2458"));
    assertThat(bmc.publisher()).isEqualTo("BioMed Central");

    // <issn publication-format="electronic">2050-084X</issn>
    Article.Journal elife = fixture("elife05502.xml").article().journal();
    assertThat(elife.ids())
        .containsExactly(
            entry("nlm-ta", "elife"), entry("hwp", "eLife"), entry("publisher-id", "eLife"));
    assertThat(elife.issns()).containsExactly(new Issn("electronic", "2050-084X"));
    assertThat(elife.publisher()).isEqualTo("eLife Sciences Publications, Ltd");
  }

  @Test
  void shouldReadPubDatesAsIsoAndAsWritten() {
    assertThat(fixture("efetch_pmc_PMC9872380.xml").article().pubDates())
        .containsExactly(
            new PubDate("epub", null, "2023-01-23", "23 1 2023", null),
            new PubDate("pmc-release", null, "2023-01-23", "23 1 2023", null),
            new PubDate("collection", null, "2023", "2023", null));
    // <pub-date publication-format="electronic" date-type="pub"><day>12</day><month>05</month>...
    assertThat(fixture("elife05502.xml").article().pubDates())
        .containsExactly(
            new PubDate("pub", "electronic", "2015-05-12", "12 05 2015", null),
            new PubDate("collection", null, "2015", "2015", null));
  }

  @Test
  void shouldReadSeasonsAndPartialDates() {
    // No fixture has a season or a month-only date, so this front is written here.
    String xml =
        """
        <article><front><article-meta><article-id pub-id-type="doi">10.1234/dates</article-id>
        <pub-date pub-type="ppub"><season>Spring</season><year>2012</year></pub-date>
        <pub-date pub-type="epub"><month>Sep</month><year>2012</year></pub-date>
        </article-meta></front></article>""";
    Article a = extractor.extract(xml.getBytes(StandardCharsets.UTF_8), List.of()).get(0).article();

    assertThat(a.pubDates())
        .containsExactly(
            new PubDate("ppub", null, "2012", "Spring 2012", "Spring"),
            new PubDate("epub", null, "2012-09", "Sep 2012", null));
  }

  @Test
  void shouldReadTheLicenseAndItsSubset() {
    // <ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref>
    // <license-p><bold>Open Access</bold>This article is licensed ... (no space in the XML)
    Article pmc = fixture("efetch_pmc_PMC9872380.xml").article();
    assertThat(pmc.license().url()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
    assertThat(pmc.license().code()).isEqualTo(LicenseCode.CC_BY);
    assertThat(pmc.subset()).isEqualTo(Subset.COMMERCIAL);
    assertThat(pmc.license().text())
        .startsWith(
            "Open AccessThis article is licensed under a Creative"
                + " Commons Attribution 4.0 International License, which permits use, sharing,")
        .endsWith(
            "(http://creativecommons.org/publicdomain/zero/1.0/) applies to the data made available in"
                + " this article, unless otherwise stated in a credit line to the data.");

    Article cc0 = sample("elife-46472-v3");
    assertThat(cc0.license().url()).isEqualTo("http://creativecommons.org/publicdomain/zero/1.0/");
    assertThat(cc0.license().code()).isEqualTo(LicenseCode.CC0);
    assertThat(cc0.subset()).isEqualTo(Subset.COMMERCIAL);

    // <license><license-p>...</license-p></license> with no URL anywhere.
    Article plos = fixture("pone.0046493.nxml").article();
    assertThat(plos.license().url()).isNull();
    assertThat(plos.license().text())
        .isEqualTo(
            "This is an open-access article distributed under the terms"
                + " of the Creative Commons Attribution License, which permits unrestricted use, distribution, and"
                + " reproduction in any medium, provided the original author and source are credited.");
    assertThat(plos.license().code()).isEqualTo(LicenseCode.CC_BY);

    // NLM 2.3: no <license>, only a <copyright-statement>.
    Article old = fixture("pone.0000217.nxml").article();
    assertThat(old.license().url()).isNull();
    assertThat(old.license().text()).startsWith("Tenaillon et al. This is an open-access article");
    assertThat(old.license().code()).isEqualTo(LicenseCode.CC_BY);
  }

  @Test
  void shouldReadKeywordsSubjectPathsAndAbstracts() {
    Article insight = sample("elife-19405");
    // <kwd><italic>C. intestinalis</italic></kwd> in a second kwd-group
    assertThat(insight.keywords())
        .containsExactly("spindle orientation", "ciliary positioning", "C. intestinalis");
    assertThat(insight.subjects())
        .containsExactly(
            new Subject("heading", List.of("Cell Biology")),
            new Subject("heading", List.of("Developmental Biology and Stem Cells")),
            new Subject("sub-display-channel", List.of("Membrane structures")),
            new Subject("display-channel", List.of("Insight")));
    assertThat(insight.abstractText())
        .isEqualTo(
            "Invaginations in the membranes of embryonic cells appear to orient cell division in sea squirts.");
    assertThat(insight.relatedArticles())
        .containsExactly(
            new RelatedArticle("commentary-article", "doi", "10.7554/eLife.16550", null));

    List<Subject> nested = sample("pone.0091296").subjects();
    assertThat(nested)
        .hasSize(15)
        .first()
        .isEqualTo(new Subject("heading", List.of("Research Article")));
    assertThat(nested)
        .contains(
            new Subject(
                "Discipline-v2",
                List.of("Biology and life sciences", "Ecology", "Coastal ecology")),
            new Subject(
                "Discipline-v2",
                List.of(
                    "Earth sciences",
                    "Marine and aquatic sciences",
                    "Aquatic environments",
                    "Marine environments")),
            new Subject(
                "Discipline-v2",
                List.of("Social sciences", "Sociology", "Sociology of knowledge")));

    Article elife = fixture("elife05502.xml").article();
    assertThat(elife.keywords())
        .containsExactly(
            "Tribolium",
            "Oncopeltus",
            "Nasonia",
            "axis formation",
            "pattern formation",
            "gene regulatory networks",
            "Oncopeltus fasciatus");
    assertThat(elife.abstracts())
        .extracting(Abstract::type)
        .containsExactly(null, "executive-summary");
    assertThat(elife.abstractText())
        .startsWith(
            "Toll-dependent patterning of the dorsoventral axis in"
                + " Drosophila represents one of the best understood gene regulatory networks.")
        .endsWith(
            "protecting insect eggs against pathogens. DOI: http://dx.doi.org/10.7554/eLife.05502.001");
    // The digest's own <title>eLife digest</title> is not part of its text.
    assertThat(elife.abstracts().get(1).text())
        .startsWith("How an animal develops from a fertilized egg");

    // Structured abstract: section titles stay, as words of the text.
    assertThat(fixture("efetch_pmc_PMC9872380.xml").article().abstractText())
        .startsWith(
            "Aim To determine"
                + " the effectiveness of despatching an electronic reminder of participation in screening for"
                + " gestational diabetes. The reminder was sent to the women 1\u20138 years after delivery. Methods A")
        .endsWith("Trail registration ISRCTN registry (22/04/2022, ISRCTN23558707).");
  }

  @Test
  void shouldReadTheCorrectionNotice() {
    ExtractedArticle notice = fixture("elife07586.xml");
    Article a = notice.article();

    assertThat(notice.figures()).isEmpty();
    assertThat(a.articleType()).isEqualTo("correction");
    assertThat(a.articleKey()).isEqualTo("doi:10.7554/eLife.07586");
    assertThat(a.title()).isEqualTo("Correction: Mucosal effects for tenofovir 1% gel");
    assertThat(a.relatedArticles())
        .containsExactly(
            new RelatedArticle("corrected-article", "doi", "10.7554/eLife.04525", null));
    assertThat(a.subjects())
        .extracting(Subject::type, s -> s.path().get(0))
        .containsExactly(
            tuple("display-channel", "Correction"),
            tuple("heading", "Human biology and medicine"),
            tuple("heading", "Microbiology and infectious disease"));
    assertThat(a.abstractText()).isNull();
    assertThat(a.abstracts()).isEmpty();
    assertThat(a.keywords()).isEmpty();
    assertThat(a.license().url()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
    assertThat(a.license().code()).isEqualTo(LicenseCode.CC_BY);
    assertThat(a.pubDates())
        .containsExactly(
            new PubDate("pub", "electronic", "2015-03-24", "24 03 2015", null),
            new PubDate("collection", null, "2015", "2015", null));
  }
}
