package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleArticles.Sample;
import org.figstream.records.FigureRecord;
import org.figstream.records.Mention;
import org.junit.jupiter.api.Test;

/**
 * Mentions against the real XML: each expected xref text and sentence was read from the
 * running-text paragraphs of the XML (paragraphs not inside a caption), flattened and white-space
 * normalised.
 */
class FigureMentionTest {
  private final JatsExtractor extractor = new JatsExtractor();

  private List<FigureRecord> sample(String dir) {
    Sample s = SampleArticles.article(dir);
    return extractor.extract(s.xml(), s.media()).get(0).figures();
  }

  private List<FigureRecord> fixture(String name) {
    return extractor.extract(SampleArticles.fixture(name), List.of()).get(0).figures();
  }

  private static List<Mention> mentions(List<FigureRecord> records, String figureId) {
    return records.stream()
        .filter(r -> r.figureId().equals(figureId))
        .findFirst()
        .orElseThrow()
        .mentions();
  }

  @Test
  void shouldQuoteTheXrefTextAndTheCitingSentence() {
    assertThat(mentions(sample("elife-30274-v1"), "fig1"))
        .extracting(Mention::xrefText, Mention::sentence)
        .containsExactly(
            tuple(
                "Figure 1A",
                "For cells maintained in both lots of serum, treatment with tetracycline"
                    + " resulted in a strong decrease in c-Myc protein levels (Figure 1A)."),
            tuple(
                "Figure 1B",
                "Total RNA was isolated from P493-6 cells 0, 1, and 24 hr after tetracycline"
                    + " release and the amount of RNA per 1,000 cells was quantified (Figure 1B)."));
  }

  @Test
  void shouldNotEndASentenceAtFigOrEtAl() {
    // (Fig.&#xA0;<xref rid="Fig1" ref-type="fig">1</xref>). Additionally, ...
    List<FigureRecord> pmc = fixture("efetch_pmc_PMC9872380.xml");
    assertThat(mentions(pmc, "Fig1"))
        .extracting(Mention::xrefText, Mention::sentence)
        .containsExactly(
            tuple(
                "1",
                "Of the 1708 women assessed for eligibility, 188 had a diabetes diagnosis prior to birth"
                    + " (Fig. 1)."),
            tuple(
                "1",
                "Additionally, of the 57 excluded women, two had died before study onset, 17 had been"
                    + " diagnosed with diabetes during/after pregnancy prior to the intervention, and 38 no longer lived"
                    + " in the North Denmark Region (Fig. 1)."));
    assertThat(mentions(pmc, "Fig3"))
        .extracting(Mention::xrefText, Mention::sentence)
        .containsExactly(
            tuple(
                "3",
                "Figure 3 shows that in all years, except 2012, the proportion of women who participated in"
                    + " screening were highest in the intervention group."));

    assertThat(mentions(sample("pone.0091296"), "pone-0091296-t004"))
        .extracting(Mention::sentence)
        .hasSize(7)
        .contains(
            "In line with the approach of Hobday et al. (2011) [30], we scored seven life history"
                + " parameters (Table 4) for the six species, where productivity score categories are: 1 = high,"
                + " 2 = moderate and 3 = low productivity.",
            "Management strategy was a location-level attribute adopted from Patrick et al. (2010) [31] but"
                + " modified for the local context (Table 4) [22].");

    // Fig. 1a, b</xref>): Older ... and an xref whose text breaks a line: <xref ...>Fig.\n 3</xref>
    List<FigureRecord> plos = sample("pone.0056489");
    assertThat(mentions(plos, "pone-0056489-g001"))
        .extracting(Mention::xrefText, Mention::sentence)
        .containsExactly(
            tuple(
                "Fig. 1a, b",
                "Seed length (p = 0.071; n = 8; Spearman\u2019s rho = 0.667;"
                    + " marginally significant) and weight (p = 0.037; n = 8; Spearman\u2019s rho = 0.738) for these"
                    + " populations were positively correlated with the average values of the DBH (Fig. 1a, b): Older"
                    + " populations tended to produce heavier seeds."));
    assertThat(mentions(plos, "pone-0056489-g003"))
        .extracting(Mention::xrefText)
        .containsExactly("Fig. 3", "3");
  }

  @Test
  void shouldMentionEveryFigureNamedInAMultiIdRid() {
    List<FigureRecord> records = fixture("elife05502.xml");
    // <xref ref-type="fig" rid="fig2 fig5">Figures 2K, 5J</xref>
    Mention both =
        new Mention(
            "Figures 2K, 5J",
            "This conclusion is based on the analysis of embryos with incomplete KD of sog (Figures 2K, 5J).",
            mentions(records, "fig2").stream()
                .filter(m -> m.xrefText().equals("Figures 2K, 5J"))
                .findFirst()
                .orElseThrow()
                .paragraph());
    assertThat(mentions(records, "fig2")).containsOnlyOnce(both);
    assertThat(mentions(records, "fig5")).containsOnlyOnce(both);
    assertThat(both.paragraph())
        .startsWith("We assume that patterning in Oncopeltus is initiated when")
        .endsWith(
            "The position of the stripe is determined by the initial NF-\u03BAB/Dorsal polarity cue.");

    // <xref ref-type="fig" rid="fig9 fig11">Figures 9, 11</xref>
    String sentence =
        "Although we have not demonstrated the latter point experimentally, modeling shows that"
            + " adding the repression of sog by BMP to the well known reaction diffusion system (Eldar et al.,"
            + " 2002) leads to a decoupling of input (Toll signaling) and output (BMP signaling) patterns (Figures"
            + " 9, 11).";
    assertThat(mentions(records, "fig9")).extracting(Mention::sentence).containsOnlyOnce(sentence);
    assertThat(mentions(records, "fig11"))
        .extracting(Mention::xrefText, Mention::sentence)
        .contains(tuple("Figures 9, 11", sentence));
  }

  @Test
  void shouldFlattenMarkupInsideAnXref() {
    // <xref ref-type="fig" rid="pone-0046493-g001">Figure <bold>1A</bold></xref>
    assertThat(mentions(fixture("pone.0046493.nxml"), "pone-0046493-g001"))
        .extracting(Mention::xrefText)
        .containsExactly("Figure 1A", "Figure 1B");
    // <xref ref-type="fig" rid="pone-0000217-g003"><bold>Fig. 3</bold></xref>
    assertThat(mentions(fixture("pone.0000217.nxml"), "pone-0000217-g003"))
        .extracting(Mention::xrefText)
        .containsExactly("Fig. 3", "Fig. 3");
  }

  @Test
  void shouldNotTakeCaptionParagraphsForMentions() {
    // Eight xrefs name fig2: three in running text, two in supplement captions ("This is the same
    // experiment as in Figure 2."), three in table footnotes.
    List<Mention> fig2 = mentions(sample("elife-30274-v1"), "fig2");
    assertThat(fig2).hasSize(3).extracting(Mention::xrefText).containsOnly("Figure 2");
    assertThat(fig2).extracting(Mention::sentence).noneMatch(s -> s.contains("same experiment"));

    // The fig sits inside the paragraph that cites it; its caption is not part of the paragraph.
    List<Mention> fig1 = mentions(sample("elife-19405"), "fig1");
    assertThat(fig1).hasSize(2);
    assertThat(fig1.get(1).paragraph())
        .isEqualTo(
            "Also, how does the invagination orient the spindle? This"
                + " remains unclear because, by the time the spindle forms and a cell begins to divide, the"
                + " invagination (like the primary cilium) has been retracted or otherwise removed (Figure 1)."
                + " Perhaps, the invagination pulls the centrosome when it retracts as the process of cell division"
                + " begins.");
    assertThat(fig1.get(1).sentence())
        .isEqualTo(
            "This remains unclear because, by the time the spindle"
                + " forms and a cell begins to divide, the invagination (like the primary cilium) has been retracted"
                + " or otherwise removed (Figure 1).");
  }

  @Test
  void shouldMapAFigGroupRidToItsMembersAndFindXrefsInsideInlineMarkup() {
    // No sample has a fig-group with an id or an xref wrapped in markup, so this article is written
    // here.
    String xml =
        """
        <article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta>
        <article-id pub-id-type="doi">10.1234/groups</article-id></article-meta></front><body>
        <p>As shown by Smith et al. (2010), both panels differ (<xref ref-type="fig" rid="g1">Fig. 1</xref>).
        The left one is sharper (<italic><xref ref-type="fig" rid="f1a">Fig. 1A</xref></italic>). Its
        inset<sup><xref ref-type="fig" rid="f1b">1B</xref></sup> is not.</p>
        <fig-group id="g1">
          <fig id="f1a"><label>Figure 1A</label><caption><p>Left; see <xref ref-type="fig" rid="f1b">1B</xref>.</p>
          </caption><graphic xlink:href="f1a.tif"/></fig>
          <fig id="f1b"><label>Figure 1B</label><caption><p>Right.</p></caption><graphic xlink:href="f1b.tif"/></fig>
        </fig-group></body></article>""";
    List<FigureRecord> records =
        extractor.extract(xml.getBytes(StandardCharsets.UTF_8), List.of()).get(0).figures();

    assertThat(records)
        .extracting(FigureRecord::figureId, FigureRecord::groupId, FigureRecord::parentId)
        .containsExactly(tuple("f1a", "g1", "g1"), tuple("f1b", "g1", "g1"));
    String group = "As shown by Smith et al. (2010), both panels differ (Fig. 1).";
    assertThat(mentions(records, "f1a"))
        .extracting(Mention::xrefText, Mention::sentence)
        .containsExactly(
            tuple("Fig. 1", group), tuple("Fig. 1A", "The left one is sharper (Fig. 1A)."));
    assertThat(mentions(records, "f1b"))
        .extracting(Mention::xrefText, Mention::sentence)
        .containsExactly(tuple("Fig. 1", group), tuple("1B", "Its inset1B is not."));
  }
}
