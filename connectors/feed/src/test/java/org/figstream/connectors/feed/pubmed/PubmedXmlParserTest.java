package org.figstream.connectors.feed.pubmed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.figstream.records.PubmedRecord;
import org.figstream.records.PubmedRecord.AbstractSection;
import org.figstream.records.PubmedRecord.Chemical;
import org.figstream.records.PubmedRecord.Grant;
import org.figstream.records.PubmedRecord.Keyword;
import org.figstream.records.PubmedRecord.MeshHeading;
import org.figstream.records.PubmedRecord.PublicationType;
import org.figstream.records.PubmedRecord.Qualifier;
import org.figstream.records.PubmedRecord.Reference;
import org.junit.jupiter.api.Test;

/**
 * Real PubMed records (provenance in src/test/resources/pubmed/README.md); every expected value was
 * read from the XML files, not from the parser's output.
 */
class PubmedXmlParserTest {
  private final PubmedXmlParser parser = new PubmedXmlParser();

  @Test
  void readsAMedlineIndexedEfetchAnswerWithQualifiersAndAStructuredAbstract() {
    PubmedArticleSet set = parser.parse(resource("pubmed-29768149.xml"));

    assertThat(set.deletions()).isEmpty();
    assertThat(set.records()).hasSize(1);
    PubmedRecord nejm = set.records().get(0);
    assertThat(nejm.pmid()).isEqualTo("29768149");
    assertThat(nejm.version()).isEqualTo(1);
    assertThat(nejm.status()).isEqualTo("MEDLINE");
    // no ArticleId IdType="pmc" in PubmedData: not in PubMed Central
    assertThat(nejm.pmcid()).isNull();
    assertThat(nejm.bookArticle()).isFalse();
    assertThat(nejm.title())
        .isEqualTo("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.");
    assertThat(nejm.dateCompleted()).isEqualTo(LocalDate.of(2018, 5, 24));
    assertThat(nejm.dateRevised()).isEqualTo(LocalDate.of(2022, 4, 10));

    assertThat(nejm.meshHeadings()).hasSize(23);
    assertThat(nejm.meshHeadings()).noneMatch(MeshHeading::majorTopic);
    assertThat(nejm.meshHeadings())
        .filteredOn(MeshHeading::anyMajorTopic)
        .extracting(MeshHeading::descriptorName)
        .containsExactly(
            "Asthma", "Bronchodilator Agents", "Budesonide", "Formoterol Fumarate", "Terbutaline");
    assertThat(heading(nejm, "Asthma").qualifiers())
        .containsExactly(new Qualifier("drug therapy", "Q000188", true));
    assertThat(heading(nejm, "Bronchodilator Agents"))
        .isEqualTo(
            new MeshHeading(
                "Bronchodilator Agents",
                "D001993",
                false,
                List.of(
                    new Qualifier("administration & dosage", "Q000008", true),
                    new Qualifier("adverse effects", "Q000009", false))));
    assertThat(heading(nejm, "Glucocorticoids").qualifiers())
        .containsExactly(new Qualifier("administration & dosage", "Q000008", false));
    assertThat(heading(nejm, "Young Adult").descriptorUi()).isEqualTo("D055815");

    assertThat(nejm.publicationTypes()).hasSize(6);
    assertThat(nejm.publicationTypes().get(0))
        .isEqualTo(new PublicationType("Clinical Trial, Phase III", "D017428"));
    assertThat(nejm.chemicals()).hasSize(6);
    assertThat(nejm.chemicals())
        .contains(
            new Chemical("Budesonide", "51333-22-3", "D019819"),
            new Chemical("Bronchodilator Agents", "0", "D001993"));

    assertThat(nejm.abstractSections())
        .extracting(AbstractSection::label)
        .containsExactly("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS");
    assertThat(nejm.abstractSections()).allMatch(s -> s.nlmCategory() == null);
    // &#946; then a line break and <sub>2</sub> in the file: the break stays one space.
    assertThat(nejm.abstractSections().get(0).text())
        .isEqualTo(
            "In patients with mild asthma, as-needed use of an inhaled glucocorticoid plus a"
                + " fast-acting \u03b2 2-agonist may be an alternative to conventional treatment"
                + " strategies.");
    assertThat(nejm.abstractSections().get(3).text())
        .endsWith("(Funded by AstraZeneca; SYGMA 1 ClinicalTrials.gov number, NCT02149199 .).");
    assertThat(nejm.references()).isEmpty();
    assertThat(nejm.keywords()).isEmpty();
    assertThat(nejm.grants()).isEmpty();
  }

  @Test
  void readsGrantsKeywordsAndInlineMarkupOfAnotherIndexedArticle() {
    PubmedRecord gut = single("biopython-pubmed4-27797938.xml");

    assertThat(gut.pmid()).isEqualTo("27797938");
    assertThat(gut.status()).isEqualTo("MEDLINE");
    assertThat(gut.pmcid()).isEqualTo("PMC5442267");
    assertThat(gut.title())
        .isEqualTo(
            "Leucocyte telomere length, genetic variants at the TERT gene region and risk of"
                + " pancreatic cancer.");
    assertThat(gut.dateCompleted()).isEqualTo(LocalDate.of(2017, 8, 3));
    assertThat(gut.dateRevised()).isEqualTo(LocalDate.of(2018, 4, 17));
    assertThat(gut.meshHeadings()).hasSize(21);
    assertThat(gut.meshHeadings())
        .filteredOn(MeshHeading::majorTopic)
        .extracting(MeshHeading::descriptorName)
        .containsExactly("Telomere Shortening");
    assertThat(heading(gut, "Adenocarcinoma").qualifiers())
        .containsExactly(
            new Qualifier("epidemiology", "Q000453", true),
            new Qualifier("genetics", "Q000235", true));
    assertThat(heading(gut, "United States").qualifiers())
        .containsExactly(new Qualifier("epidemiology", "Q000453", false));
    assertThat(gut.publicationTypes()).hasSize(5);
    assertThat(gut.chemicals())
        .containsExactly(
            new Chemical("TERT protein, human", "EC 2.7.7.49", "C509186"),
            new Chemical("Telomerase", "EC 2.7.7.49", "D019098"));
    assertThat(gut.keywords()).containsExactly(new Keyword("PANCREATIC CANCER", "NOTNLM", true));
    assertThat(gut.grants()).hasSize(35);
    assertThat(gut.grants().get(0))
        .isEqualTo(new Grant("KL2 TR001100", "NCATS NIH HHS", "United States"));
    assertThat(gut.abstractSections())
        .extracting(AbstractSection::label)
        .containsExactly("OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS");
    // p<sub>trend</sub>=0.048 and r<sup>2</sup>&lt;0.25 in the file
    assertThat(gut.abstractSections().get(2).text()).contains("ptrend=0.048", "r2<0.25");
    assertThat(gut.abstractSections().get(0).text())
        .contains("telomerase reverse transcriptase (TERT) gene region");
  }

  @Test
  void readsTheReferenceListOfANotYetIndexedArticle() {
    PubmedRecord jmi = single("biopython-pubmed7.xml");

    assertThat(jmi.pmid()).isEqualTo("29963580");
    assertThat(jmi.status()).isEqualTo("PubMed-not-MEDLINE");
    assertThat(jmi.pmcid()).isEqualTo("PMC6022861");
    assertThat(jmi.meshHeadings()).isEmpty();
    assertThat(jmi.dateCompleted()).isNull();
    assertThat(jmi.dateRevised()).isEqualTo(LocalDate.of(2018, 11, 14));
    assertThat(jmi.publicationTypes())
        .containsExactly(new PublicationType("Journal Article", "D016428"));
    assertThat(jmi.keywords())
        .extracting(Keyword::text)
        .containsExactly(
            "asthma",
            "chronic obstructive lung disease",
            "image processing, biomarkers",
            "magnetic resonance imaging",
            "thoracic computed tomography");
    assertThat(jmi.keywords()).allMatch(k -> "NOTNLM".equals(k.owner()) && !k.majorTopic());
    assertThat(jmi.references()).hasSize(49);
    assertThat(jmi.references()).allMatch(ref -> ref.pmid() != null && ref.doi() == null);
    assertThat(jmi.references().get(0))
        .isEqualTo(new Reference("Radiology. 2015 Jan;274(1):250-9", "25144646", null));
    // The abstract holds MathML (mml:math): its text stays, its markup goes.
    assertThat(jmi.abstractSections()).hasSize(1);
    AbstractSection only = jmi.abstractSections().get(0);
    assertThat(only.label()).isNull();
    assertThat(only.text())
        .startsWith("We designed and generated pulmonary imaging biomarker pipelines")
        .doesNotContain("<", "mml")
        .endsWith("measurements for point-of-care and high-throughput research.");
  }

  @Test
  void readsABookshelfRecord() {
    PubmedRecord book = single("eutils-json-efetch-pubmedbook-20301295.xml");

    assertThat(book.bookArticle()).isTrue();
    assertThat(book.pmid()).isEqualTo("20301295");
    // a BookDocument has no MedlineCitation Status and no PMC id
    assertThat(book.status()).isNull();
    assertThat(book.pmcid()).isNull();
    assertThat(book.version()).isEqualTo(1);
    // A whole book (no ArticleTitle): its BookTitle
    assertThat(book.title()).isEqualTo("GeneReviews\u2122");
    assertThat(book.abstractSections()).hasSize(1);
    assertThat(book.abstractSections().get(0).label()).isNull();
    assertThat(book.abstractSections().get(0).text())
        .startsWith("GeneReviews are expert-authored, peer-reviewed disease descriptions")
        .endsWith("an Illustrated Glossary of genetic counseling and testing terms.");
    assertThat(book.meshHeadings()).isEmpty();
    assertThat(book.references()).isEmpty();
    assertThat(book.dateCompleted()).isNull();
    assertThat(book.dateRevised()).isNull();
  }

  static byte[] resource(String name) {
    try (InputStream in = PubmedXmlParserTest.class.getResourceAsStream("/pubmed/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String resourceText(String name) {
    return new String(resource(name), UTF_8);
  }

  private PubmedRecord single(String name) {
    PubmedArticleSet set = parser.parse(resource(name));
    assertThat(set.records()).hasSize(1);
    return set.records().get(0);
  }

  private static MeshHeading heading(PubmedRecord record, String descriptor) {
    return record.meshHeadings().stream()
        .filter(h -> h.descriptorName().equals(descriptor))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no MeSH heading " + descriptor));
  }
}
