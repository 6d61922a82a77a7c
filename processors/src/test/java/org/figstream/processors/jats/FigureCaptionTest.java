package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleArticles.Sample;
import org.figstream.records.FigureKind;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;

/**
 * Figure fields against the real XML. Every expected string was read from the XML by hand (or with
 * Python's ElementTree) and flattened as the caption contract says: title and every paragraph
 * joined by one space, inline markup adding nothing, white space (including no-break and thin
 * spaces) collapsed.
 */
class FigureCaptionTest {
  private final JatsExtractor extractor = new JatsExtractor();

  private List<FigureRecord> sample(String dir) {
    Sample s = SampleArticles.article(dir);
    return extractor.extract(s.xml(), s.media()).get(0).figures();
  }

  private List<FigureRecord> fixture(String name, List<String> media) {
    return extractor.extract(SampleArticles.fixture(name), media).get(0).figures();
  }

  private static FigureRecord figure(List<FigureRecord> records, String figureId) {
    return records.stream().filter(r -> r.figureId().equals(figureId)).findFirst().orElseThrow();
  }

  @Test
  void shouldReadEveryFieldOfTheElife19405Figure() {
    List<FigureRecord> records = sample("elife-19405");

    String caption =
        "Membrane invaginations and cell division. Schematic diagram showing"
            + " two neighboring cells in the developing embryo of a sea squirt. (A) Before the cells divide an"
            + " invagination forms in the membrane at the rear (posterior) side of both cells, while a finger-like"
            + " protrusion forms on the front (anterior) side of each cell and inserts itself into the invagination"
            + " of the cell in front of it. The tip of the invagination is attached to the centrosome by"
            + " microtubules. Specifically, the invagination attaches to one of the two centrioles that make up the"
            + " centrosome \u2013 the same centriole that also grows a primary cilium. (B) When the cells begin to"
            + " divide, the invagination/protrusions and primary cilia have disappeared and the mitotic spindles"
            + " are oriented along the anterior-posterior axis. Negishi et al. propose that the membrane"
            + " invagination holds the centrosome to orient the spindle.";
    assertThat(records).hasSize(1);
    // No object-id, so no DOI; the fig sits inside a body paragraph. Mentions: FigureMentionTest.
    assertThat(records.get(0))
        .isEqualTo(
            new FigureRecord(
                "doi:10.7554/eLife.19405/fig1/1",
                "doi:10.7554/eLife.19405",
                FigureKind.FIGURE,
                "fig1",
                1,
                null,
                null,
                null,
                "body",
                "Figure 1.",
                "Membrane invaginations and cell division.",
                caption,
                null,
                "elife-19405-fig1",
                "elife-19405-fig1.tif",
                records.get(0).mentions()));
  }

  @Test
  void shouldFlattenInlineMarkupWithoutLosingOrInventingSpaces() {
    // <p>... mean no. fish/trip<sup>−1</sup> with ... results of <italic>t</italic>-tests ...</p>
    FigureRecord g002 = figure(sample("pone.0091296"), "pone-0091296-g002");
    assertThat(g002.caption())
        .isEqualTo(
            "Catch rates reported by fishers for the six study species. Data are"
                + " the \u2018normal\u2019 catch rates fishers expect to obtain on a fishing trip, given as mean no."
                + " fish/trip\u22121 with standard error bars. For each species, results of t-tests comparing mean"
                + " catch rates between locations are shown, with significant differences indicated by bold font.");

    // <title>... of <italic>Platycladus orientalis</italic>(mean ± S.E.).</title>: no space in the
    // XML.
    FigureRecord g001 = figure(sample("pone.0056489"), "pone-0056489-g001");
    String title =
        "Relationships between the mean diameter at breast height (DBH) and (A) seed length and (B)"
            + " seed weight of the eight sampled populations of Platycladus orientalis(mean \u00B1 S.E.).";
    assertThat(g001.captionTitle()).isEqualTo(title);
    assertThat(g001.caption()).isEqualTo(title);
  }

  @Test
  void shouldReadTableWrapImagesAsTablesInDocumentOrder() {
    List<FigureRecord> records = sample("pone.0056489");

    assertThat(records)
        .extracting(FigureRecord::figureId)
        .containsExactly(
            "pone-0056489-g001",
            "pone-0056489-t001",
            "pone-0056489-g002",
            "pone-0056489-g003",
            "pone-0056489-t002",
            "pone-0056489-t003");
    assertThat(records)
        .extracting(FigureRecord::kind)
        .containsExactly(
            FigureKind.FIGURE,
            FigureKind.TABLE,
            FigureKind.FIGURE,
            FigureKind.FIGURE,
            FigureKind.TABLE,
            FigureKind.TABLE);
    // <table-wrap><alternatives><graphic
    // xlink:href="info:doi/...t001"/><table>...</table></alternatives>
    FigureRecord t001 = figure(records, "pone-0056489-t001");
    assertThat(t001.pairId()).isEqualTo("doi:10.1371/journal.pone.0056489/pone-0056489-t001/1");
    assertThat(t001.label()).isEqualTo("Table 1");
    assertThat(t001.captionTitle())
        .isEqualTo(
            "Genetic diversity parameters of the sampled populations of Platycladus orientalis.");
    assertThat(t001.caption()).isEqualTo(t001.captionTitle());
    assertThat(t001.doi()).isEqualTo("10.1371/journal.pone.0056489.t001");
    assertThat(t001.href()).isEqualTo("info:doi/10.1371/journal.pone.0056489.t001");
    assertThat(t001.mediaFile()).isEqualTo("pone.0056489.t001.tif");
    assertThat(figure(records, "pone-0056489-g003").mediaFile()).isEqualTo("pone.0056489.g003.tif");
  }

  @Test
  void shouldLinkElifeFigureSupplementsToTheirMainFigure() {
    List<FigureRecord> records = sample("elife-30274-v1");

    FigureRecord main = figure(records, "fig2");
    assertThat(main.specificUse()).isNull();
    assertThat(main.parentId()).isNull();
    assertThat(main.doi()).isEqualTo("10.7554/eLife.30274.003");
    FigureRecord supplement = figure(records, "fig2s1");
    assertThat(supplement.specificUse()).isEqualTo("child-fig");
    assertThat(supplement.parentId()).isEqualTo("fig2");
    assertThat(supplement.groupId()).as("the <fig-group> has no id").isNull();
    assertThat(supplement.label()).isEqualTo("Figure 2\u2014figure supplement 1.");
    assertThat(supplement.captionTitle()).isEqualTo("Logarithmic expression of genes.");
    assertThat(supplement.doi()).isEqualTo("10.7554/eLife.30274.004");
    assertThat(supplement.href()).isEqualTo("fig2-figsupp1.jpg");
    assertThat(supplement.mediaFile()).isEqualTo("fig2-figsupp1.jpg");
    assertThat(figure(records, "fig2s2").parentId()).isEqualTo("fig2");
    assertThat(figure(records, "fig3").parentId()).isNull();

    List<FigureRecord> elife = fixture("elife05502.xml", List.of());
    assertThat(elife)
        .filteredOn(r -> "child-fig".equals(r.specificUse()))
        .extracting(FigureRecord::figureId, FigureRecord::parentId)
        .containsExactly(
            tuple("fig2s1", "fig2"),
            tuple("fig2s2", "fig2"),
            tuple("fig3s1", "fig3"),
            tuple("fig5s1", "fig5"));
  }

  @Test
  void shouldReadUntitledCaptionsAndResolveSpringerHrefs() {
    List<FigureRecord> bare = fixture("efetch_pmc_PMC9872380.xml", List.of());
    // Tab1..Tab3 are XML tables without a graphic: no pairs.
    assertThat(bare)
        .extracting(FigureRecord::pairId)
        .containsExactly("PMC9872380/Fig1/1", "PMC9872380/Fig2/1", "PMC9872380/Fig3/1");
    FigureRecord fig1 = bare.get(0);
    assertThat(fig1.label()).isEqualTo("Fig. 1");
    assertThat(fig1.captionTitle()).isNull();
    assertThat(fig1.caption()).isEqualTo("Flowchart");
    assertThat(fig1.doi()).isNull();
    assertThat(fig1.href()).isEqualTo("12889_2023_15060_Fig1_HTML");
    assertThat(fig1.mediaFile()).isNull();
    assertThat(bare.get(2).caption())
        .isEqualTo(
            "Forest plot illustrating the effect of the reminder"
                + " according to stratified groups representing years after birth");

    List<FigureRecord> withMedia =
        fixture(
            "efetch_pmc_PMC9872380.xml",
            List.of("12889_2023_15060_Fig1_HTML.jpg", "12889_2023_15060_Fig2_HTML.jpg"));
    assertThat(withMedia)
        .extracting(FigureRecord::mediaFile)
        .containsExactly("12889_2023_15060_Fig1_HTML.jpg", "12889_2023_15060_Fig2_HTML.jpg", null);
  }

  @Test
  void shouldGiveTheContainersOfEachFigureAsItsContext() {
    List<FigureRecord> elife = fixture("elife05502.xml", List.of());
    // fig13 and fig14 sit in <boxed-text id="box1"><caption><p>.
    assertThat(elife)
        .filteredOn(r -> r.context().equals("body/boxed-text"))
        .extracting(FigureRecord::figureId, FigureRecord::label)
        .containsExactly(tuple("fig13", "Box figure 1."), tuple("fig14", "Box figure 2."));
    assertThat(elife)
        .filteredOn(r -> !r.context().equals("body/boxed-text"))
        .hasSize(16)
        .allMatch(r -> r.context().equals("body"));

    List<FigureRecord> response = sample("elife-43154-v2");
    assertThat(response)
        .extracting(FigureRecord::figureId, FigureRecord::context)
        .containsExactly(
            tuple("fig1", "body"), tuple("fig2", "body"), tuple("respfig1", "sub-article/body"));
    assertThat(figure(response, "respfig1").label()).isEqualTo("Author response image 1.");
  }

  @Test
  void shouldGiveAppendixAndFloatsGroupContexts() {
    // No sample has an appendix or a floats-group, so this one article is written here.
    String xml =
        """
        <article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta>
        <article-id pub-id-type="doi">10.1234/ctx</article-id></article-meta></front>
        <body><p>Text.</p></body>
        <back><app-group><app id="app1"><title>Appendix 1</title>
          <fig id="appfig1"><label>Appendix 1\u2014figure 1.</label><caption><title>In the appendix.</title></caption>
          <graphic xlink:href="appfig1.tif"/></fig></app></app-group></back>
        <floats-group><fig id="f1"><label>Figure 1</label><caption><p>Floating.</p></caption>
          <graphic xlink:href="f1.tif"/></fig></floats-group>
        </article>""";
    List<FigureRecord> records =
        extractor.extract(xml.getBytes(StandardCharsets.UTF_8), List.of()).get(0).figures();

    assertThat(records)
        .extracting(FigureRecord::pairId, FigureRecord::context)
        .containsExactly(
            tuple("doi:10.1234/ctx/appfig1/1", "back/app-group/app"),
            tuple("doi:10.1234/ctx/f1/1", "floats-group"));
    assertThat(records.get(1).captionTitle()).isNull();
    assertThat(records.get(1).caption()).isEqualTo("Floating.");
  }

  @Test
  void shouldFlattenMathMlInCaptionsToText() {
    // <inline-formula><mml:math><mml:msub><mml:mi>D</mml:mi><mml:mi>o</mml:mi></mml:msub><mml:mo>=</mml:mo>
    // <mml:mn>0.15</mml:mn><mml:mo>,</mml:mo><mml:mo>&#x2009;</mml:mo><mml:mn>0.3</mml:mn>...</mml:math>
    FigureRecord fig9 = figure(fixture("elife05502.xml", List.of()), "fig9");
    assertThat(fig9.caption())
        .isEqualTo(
            "Pattern formation from different initial levels of NF-\u03BAB/Dorsal."
                + " The initial concentration gradient of NF-\u03BAB/Dorsal is shown on top (gray). Initial amplitudes"
                + " of NF-\u03BAB/Dorsal are Do=0.15, 0.3, 1 from left to right, the dashed line indicates the"
                + " threshold NF-\u03BAB/Dorsal concentration required for patterning. Below, steady-state levels of"
                + " free BMP (red) and free Sog are shown (blue, rescaled to facilitate plotting on the same plot as"
                + " BMP). DOI: http://dx.doi.org/10.7554/eLife.05502.018");
    assertThat(fig9.doi()).isEqualTo("10.7554/eLife.05502.018");
    assertThat(fig9.href()).isEqualTo("elife05502f009");
  }

  /** One article keyed by DOI 10.1234/tab whose body paragraph holds {@code floats}. */
  private List<FigureRecord> inBody(String floats, List<String> media) {
    String xml =
        "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\"><front><article-meta>"
            + "<article-id pub-id-type=\"doi\">10.1234/tab</article-id></article-meta></front>"
            + "<body><p>"
            + floats
            + "</p></body></article>";
    return extractor.extract(xml.getBytes(StandardCharsets.UTF_8), media).get(0).figures();
  }

  @Test
  void shouldGiveNoPairForAnXmlTableWithPicturesInItsCells() {
    // Structure drawings in the cells are content of the XML table, not images of the table.
    String floats =
        """
        <fig id="F1"><label>Figure 1</label><caption><p>Assay</p></caption>
        <graphic xlink:href="mol-g001.jpg"/></fig>
        <table-wrap id="T1"><label>Table 1</label><caption><p>Compounds tested</p></caption>
        <table><tr><td><graphic xlink:href="mol-i001.jpg"/></td><td>IC50 3 µM</td></tr>
        <tr><td><graphic xlink:href="mol-i002.jpg"/></td><td>x</td></tr></table></table-wrap>""";

    assertThat(inBody(floats, List.of("mol-g001.jpg", "mol-i001.jpg", "mol-i002.jpg")))
        .extracting(
            FigureRecord::pairId,
            FigureRecord::kind,
            FigureRecord::caption,
            FigureRecord::href,
            FigureRecord::mediaFile)
        .containsExactly(
            tuple(
                "doi:10.1234/tab/F1/1",
                FigureKind.FIGURE,
                "Assay",
                "mol-g001.jpg",
                "mol-g001.jpg"));
  }

  @Test
  void shouldTakeOnlyTheTableWrapsOwnGraphicBesideAnXmlTableWithPictures() {
    String table =
        """
        <table-wrap id="T2"><label>Table 2</label><caption><p>Compounds tested</p></caption>
        <graphic xlink:href="mol-t002.jpg"/>
        <table><tr><td><graphic xlink:href="mol-i001.jpg"/></td><td>IC50 3 µM</td></tr>
        <tr><td><graphic xlink:href="mol-i002.jpg"/></td><td>x</td></tr></table></table-wrap>""";

    assertThat(inBody(table, List.of("mol-t002.jpg", "mol-i001.jpg", "mol-i002.jpg")))
        .extracting(
            FigureRecord::pairId,
            FigureRecord::kind,
            FigureRecord::figureId,
            FigureRecord::graphicIndex,
            FigureRecord::label,
            FigureRecord::caption,
            FigureRecord::href,
            FigureRecord::mediaFile)
        .containsExactly(
            tuple(
                "doi:10.1234/tab/T2/1",
                FigureKind.TABLE,
                "T2",
                1,
                "Table 2",
                "Compounds tested",
                "mol-t002.jpg",
                "mol-t002.jpg"));
  }

  @Test
  void shouldTakeOnlyTheAlternativesOwnGraphicsAsRenditionsOfATable() {
    // The table image pone.0000001.t001 did not come with the article but a cell's picture did:
    // the pair stays the table's image, missing, rather than borrowing the cell's picture.
    String table =
        """
        <table-wrap id="pone-0000001-t001"><label>Table 1</label>
        <caption><title>Compounds tested.</title></caption>
        <alternatives><graphic xlink:href="pone.0000001.t001"/>
        <table><tr><td><graphic xlink:href="pone.0000001.i001"/></td><td>IC50 3 µM</td></tr>
        </table></alternatives></table-wrap>""";

    assertThat(inBody(table, List.of("pone.0000001.i001.tif")))
        .extracting(
            FigureRecord::pairId,
            FigureRecord::kind,
            FigureRecord::figureId,
            FigureRecord::graphicIndex,
            FigureRecord::label,
            FigureRecord::captionTitle,
            FigureRecord::caption,
            FigureRecord::href,
            FigureRecord::mediaFile,
            FigureRecord::imageMissing)
        .containsExactly(
            tuple(
                "doi:10.1234/tab/pone-0000001-t001/1",
                FigureKind.TABLE,
                "pone-0000001-t001",
                1,
                "Table 1",
                "Compounds tested.",
                "Compounds tested.",
                "pone.0000001.t001",
                null,
                true));
  }
}
