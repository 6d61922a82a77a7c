package org.figstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.figstream.connectors.feed.pubmed.DeletedCitation;
import org.figstream.connectors.feed.pubmed.PubmedArticleSet;
import org.figstream.connectors.feed.pubmed.PubmedXmlParser;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Article;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.Headers;
import org.figstream.records.PubmedRecord;
import org.figstream.topology.join.JoinCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PubMed join through the whole topology: articles as extracted from real JATS (two sample
 * articles, the PMID of the citation written into their XML) and a real PubMed citation, PMID
 * 29768149, parsed with the feed's parser (src/test/resources/pubmed/README.md). Expected values
 * were read from the XML.
 */
class PubmedJoinTest {
  private static final String PMID = "29768149";
  private static final String TITLE =
      "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.";
  private static final byte[] MEDLINE_XML = resource("pubmed/pubmed-29768149.xml");

  /** The real record: MEDLINE-indexed, 23 MeSH headings, DateCompleted 2018-05-24. */
  private static final PubmedRecord MEDLINE = parse(MEDLINE_XML);

  /**
   * Derived from the real record, not a real file: the citation as NLM serves it before indexing,
   * without its MeshHeadingList and DateCompleted, Status In-Process.
   */
  private static final PubmedRecord IN_PROCESS = parse(inProcess(MEDLINE_XML));

  @TempDir Path state;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void shouldHaveCitationsThatAreWhatTheTestSays() {
    assertThat(MEDLINE.pmid()).isEqualTo(PMID);
    assertThat(MEDLINE.status()).isEqualTo("MEDLINE");
    assertThat(MEDLINE.meshHeadings()).hasSize(23);
    assertThat(IN_PROCESS.pmid()).isEqualTo(PMID);
    assertThat(IN_PROCESS.status()).isEqualTo("In-Process");
    assertThat(IN_PROCESS.meshHeadings()).isEmpty();
    assertThat(IN_PROCESS.dateCompleted()).isNull();
    // the rest is the same citation
    assertThat(IN_PROCESS.title()).isEqualTo(MEDLINE.title()).isEqualTo(TITLE);
    assertThat(IN_PROCESS.publicationTypes()).isEqualTo(MEDLINE.publicationTypes()).hasSize(6);
  }

  @Test
  void shouldEmitAnArticleOnceAndAgainOnlyWhenItsCitationAppearsOrChanges() {
    Article extracted = article("elife-30274-v1", "PMC99000002", 1, PMID);
    try (TopologyFixture t = new TopologyFixture(state, JoinCounts.on(registry))) {
      // the article, its citation not known yet
      t.extracted.pipeInput("PMC99000002", extracted);
      List<TestRecord<String, Article>> first = t.articles.readRecordsToList();
      assertThat(first).hasSize(1);
      assertThat(first.get(0).key()).isEqualTo("PMC99000002");
      assertThat(first.get(0).value().pubmed()).isNull();
      assertThat(first.get(0).value().pmid()).isEqualTo(PMID);
      assertThat(counted("waiting")).isEqualTo(1);

      // its citation arrives (an update file's record, before MEDLINE indexing)
      t.pubmed.pipeInput(PMID, IN_PROCESS);
      List<Article> joined = t.articles.readValuesToList();
      assertThat(joined).hasSize(1);
      PubmedRecord citation = joined.get(0).pubmed();
      assertThat(citation.pmid()).isEqualTo(PMID);
      assertThat(citation.status()).isEqualTo("In-Process");
      assertThat(citation.title()).isEqualTo(TITLE);
      assertThat(citation.meshHeadings()).isEmpty();
      assertThat(citation.publicationTypes()).hasSize(6);
      assertThat(citation.chemicals()).hasSize(6);
      assertThat(citation.dateRevised()).isEqualTo(LocalDate.of(2022, 4, 10));
      assertThat(joined.get(0).withPubmed(null)).isEqualTo(first.get(0).value());
      assertThat(counted("joined")).isEqualTo(1);
      assertThat(pubmedChanges()).isEqualTo(1);

      // the same record again: the join answers, the gate keeps it off articles
      t.pubmed.pipeInput(PMID, IN_PROCESS);
      assertThat(t.articles.isEmpty()).isTrue();

      // its revision: MEDLINE indexing added 23 MeSH headings and DateCompleted
      t.pubmed.pipeInput(PMID, MEDLINE);
      List<Article> revised = t.articles.readValuesToList();
      assertThat(revised).hasSize(1);
      assertThat(revised.get(0).pubmed().status()).isEqualTo("MEDLINE");
      assertThat(revised.get(0).pubmed().meshHeadings()).hasSize(23);
      assertThat(revised.get(0).pubmed().meshHeadings().get(0).descriptorName())
          .isEqualTo("Administration, Inhalation");
      assertThat(revised.get(0).pubmed().dateCompleted()).isEqualTo(LocalDate.of(2018, 5, 24));
      assertThat(revised.get(0).pubmed()).isEqualTo(MEDLINE);
      assertThat(pubmedChanges()).isEqualTo(2);

      // NLM deletes the citation: a DeleteCitation in an update file is a tombstone on pubmed
      PubmedArticleSet update = new PubmedXmlParser().parse(deleteCitation(PMID));
      assertThat(update.records()).isEmpty();
      for (DeletedCitation d : update.deletions()) {
        t.pubmed.pipeInput(d.pmid(), (PubmedRecord) null);
      }
      List<TestRecord<String, Article>> deleted = t.articles.readRecordsToList();
      assertThat(deleted).hasSize(1);
      assertThat(deleted.get(0).key()).isEqualTo("PMC99000002");
      assertThat(deleted.get(0).value()).isEqualTo(first.get(0).value());
      assertThat(deleted.get(0).value().pubmed()).isNull();
      assertThat(counted("waiting")).isEqualTo(2);
      assertThat(counted("joined")).isEqualTo(2);
      assertThat(counted("no-pmid")).isZero();
      assertThat(pubmedChanges()).isEqualTo(3);
    }
  }

  @Test
  void shouldPassAnArticleWithoutAPmidWithoutACitationAndCountIt() {
    try (TopologyFixture t = new TopologyFixture(state, JoinCounts.on(registry))) {
      t.pubmed.pipeInput(PMID, MEDLINE);
      t.extracted.pipeInput("PMC1", article("elife-30274-v1", "PMC1", 1, null));
      t.extracted.pipeInput("PMC2", article("elife-19405", "PMC2", 1, "PMID:" + PMID));
      // a PMID with blanks around it in the XML is still that PMID
      t.extracted.pipeInput("PMC3", article("elife-19405", "PMC3", 1, " " + PMID + "\n"));

      List<TestRecord<String, Article>> out = t.articles.readRecordsToList();
      assertThat(out).extracting(TestRecord::key).containsExactly("PMC1", "PMC2", "PMC3");
      assertThat(out.get(0).value().pubmed()).isNull();
      assertThat(out.get(1).value().pubmed()).isNull();
      assertThat(out.get(2).value().pubmed()).isEqualTo(MEDLINE);
      assertThat(counted("no-pmid")).isEqualTo(2);
      assertThat(counted("joined")).isEqualTo(1);
      assertThat(pubmedChanges()).isZero();
    }
  }

  @Test
  void shouldReEmitANewVersionOfAnArticleWithItsCitation() {
    try (TopologyFixture t = new TopologyFixture(state, JoinCounts.on(registry))) {
      t.pubmed.pipeInput(PMID, MEDLINE);
      t.extracted.pipeInput("PMC9", article("elife-30274-v1", "PMC9", 1, PMID));
      t.extracted.pipeInput("PMC9", article("elife-30274-v1", "PMC9", 2, PMID));

      List<Article> out = t.articles.readValuesToList();
      assertThat(out).extracting(Article::version).containsExactly(1, 2);
      assertThat(out).allMatch(a -> MEDLINE.equals(a.pubmed()));
      assertThat(counted("joined")).isEqualTo(2);
      assertThat(pubmedChanges()).isZero();
    }
  }

  @Test
  void shouldTombstoneAWithdrawnArticleWithItsReasonAndNotBringItBackOnACitationUpdate() {
    try (TopologyFixture t = new TopologyFixture(state, JoinCounts.on(registry))) {
      t.extracted.pipeInput("PMC99000002", article("elife-30274-v1", "PMC99000002", 1, PMID));
      t.pubmed.pipeInput(PMID, IN_PROCESS);
      assertThat(t.articles.readValuesToList()).hasSize(2);

      // a withdrawal (the gate's, through the stage) passes the ledger, which tombstones the
      // extracted article
      t.enriched.pipeInput(
          "PMC99000002", EnrichedArticle.withdrawal("PMC99000002", 1, "retracted"));
      assertThat(t.extractedOut.readRecordsToList())
          .singleElement()
          .matches(r -> r.value() == null && reason(r).equals("retracted"));
      List<TestRecord<String, Article>> out = t.articles.readRecordsToList();
      assertThat(out).hasSize(1);
      assertThat(out.get(0).key()).isEqualTo("PMC99000002");
      assertThat(out.get(0).value()).isNull();
      assertThat(reason(out.get(0))).isEqualTo("retracted");

      // a later revision of its citation does not bring it back
      t.pubmed.pipeInput(PMID, MEDLINE);
      t.pubmed.pipeInput(PMID, (PubmedRecord) null);
      assertThat(t.articles.isEmpty()).isTrue();
      // nor does a replay of the withdrawal
      t.enriched.pipeInput(
          "PMC99000002", EnrichedArticle.withdrawal("PMC99000002", 1, "retracted"));
      assertThat(t.articles.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldGiveEveryArticleWithThePmidItsCitation() {
    try (TopologyFixture t = new TopologyFixture(state, JoinCounts.on(registry))) {
      t.extracted.pipeInput("PMC1", article("elife-30274-v1", "PMC1", 1, PMID));
      t.extracted.pipeInput("PMC2", article("elife-19405", "PMC2", 1, PMID));
      t.articles.readRecordsToList();

      t.pubmed.pipeInput(PMID, MEDLINE);
      List<TestRecord<String, Article>> joined = t.articles.readRecordsToList();
      assertThat(joined).extracting(TestRecord::key).containsExactlyInAnyOrder("PMC1", "PMC2");
      assertThat(joined).allMatch(r -> MEDLINE.equals(r.value().pubmed()));
      assertThat(pubmedChanges()).isEqualTo(2);
    }
  }

  @Test
  void shouldEmitNothingNewWhenTheSameInputsAreReadAgain() {
    Article a = article("elife-30274-v1", "PMC99000002", 1, PMID);
    Article b = article("elife-19405", "PMC2", 1, null);
    try (TopologyFixture t = new TopologyFixture(state, JoinCounts.on(registry))) {
      t.extracted.pipeInput("PMC99000002", a);
      t.extracted.pipeInput("PMC2", b);
      t.pubmed.pipeInput(PMID, MEDLINE);
      assertThat(t.articles.readValuesToList()).hasSize(3);

      // as a restart reads them again from the last committed offsets: the same records in the
      // same order (TopologyTestDriver deletes its state directory on close, so a restart itself
      // cannot be played here; the emit gate's store is a changelogged RocksDB store like the
      // others)
      t.extracted.pipeInput("PMC99000002", a);
      t.extracted.pipeInput("PMC2", b);
      t.pubmed.pipeInput(PMID, MEDLINE);
      assertThat(t.articles.isEmpty()).isTrue();
    }
    assertThat(counted("joined") + counted("waiting") + counted("no-pmid")).isEqualTo(3);
  }

  private double counted(String pubmed) {
    return registry.get(JoinCounts.ARTICLES_METRIC).tag("pubmed", pubmed).counter().count();
  }

  private double pubmedChanges() {
    return registry.get(JoinCounts.PUBMED_CHANGES_METRIC).counter().count();
  }

  /**
   * The article a sample's JATS gives as that PMCID's version, with {@code pmid} written into the
   * XML as its {@code article-id pub-id-type="pmid"} (none when null).
   */
  static Article article(String sample, String pmcid, int version, String pmid) {
    String xml = new String(SampleArticles.article(sample).xml(), StandardCharsets.UTF_8);
    if (pmid != null) {
      int at = xml.indexOf("<article-id ");
      xml =
          xml.substring(0, at)
              + "<article-id pub-id-type=\"pmid\">"
              + pmid
              + "</article-id>"
              + xml.substring(at);
    }
    Article a =
        new JatsExtractor()
            .extract(
                xml.getBytes(StandardCharsets.UTF_8), List.of(), new ArticleHint(pmcid, version))
            .get(0)
            .article();
    assertThat(a.pmcid()).isEqualTo(pmcid);
    assertThat(a.pmid()).isEqualTo(pmid == null ? null : pmid.strip());
    return a;
  }

  private static PubmedRecord parse(byte[] xml) {
    PubmedArticleSet set = new PubmedXmlParser().parse(xml);
    assertThat(set.records()).hasSize(1);
    return set.records().get(0);
  }

  /** The citation before indexing: no MeshHeadingList, no DateCompleted, Status In-Process. */
  private static byte[] inProcess(byte[] medline) {
    String xml = new String(medline, StandardCharsets.UTF_8);
    String derived =
        cut(
                cut(xml, "<MeshHeadingList>", "</MeshHeadingList>"),
                "<DateCompleted>",
                "</DateCompleted>")
            .replace("Status=\"MEDLINE\"", "Status=\"In-Process\"");
    return derived.getBytes(StandardCharsets.UTF_8);
  }

  private static String cut(String xml, String open, String close) {
    int from = xml.indexOf(open);
    int to = xml.indexOf(close, from);
    assertThat(from).as(open).isNotNegative();
    assertThat(xml.indexOf(open, to)).as("one " + open).isNegative();
    return xml.substring(0, from) + xml.substring(to + close.length());
  }

  /** Built, not real (see the resources' README): the shape of a daily update file's deletion. */
  private static byte[] deleteCitation(String pmid) {
    return ("<?xml version=\"1.0\" ?>\n<PubmedArticleSet><DeleteCitation><PMID Version=\"1\">"
            + pmid
            + "</PMID></DeleteCitation></PubmedArticleSet>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String reason(TestRecord<String, ?> r) {
    var header = r.headers().lastHeader(Headers.REASON);
    return header == null ? "none" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) {
    try (InputStream in = PubmedJoinTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
