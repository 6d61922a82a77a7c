package org.figstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.FigureRecord;
import org.figstream.records.Headers;
import org.figstream.records.PublishedFigure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pair ledger on real extractions: elife-30274-v1 as version 1, and the sample bucket's version
 * 2 of it, which lacks the XML's last figure outside a fig-group.
 */
class PairLedgerTest {
  private static final SampleBucket BUCKET = SampleBucket.load(SampleArticles.root());
  private static final byte[] V1 = SampleArticles.article("elife-30274-v1").xml();
  private static final byte[] V2 = BUCKET.objects(2).get("PMC99000002.2/PMC99000002.2.xml").bytes();

  @TempDir Path state;

  private static EnrichedArticle enriched(byte[] xml, int version) {
    List<FigureRecord> figures =
        new JatsExtractor()
            .extract(xml, List.of(), new ArticleHint("PMC99000002", version))
            .get(0)
            .figures();
    return new EnrichedArticle(
        "PMC99000002",
        version,
        false,
        null,
        figures.stream().map(f -> PublishedFigure.withoutImage(f, "not-fetched")).toList());
  }

  /** The id the XML gives its last figure outside a fig-group, read from the text itself. */
  private static String lastLoneFigureId() {
    String xml = new String(V1, StandardCharsets.UTF_8);
    int at = xml.lastIndexOf("<fig id=\"");
    while (xml.lastIndexOf("<fig-group", at) > xml.lastIndexOf("</fig-group>", at)) {
      at = xml.lastIndexOf("<fig id=\"", at - 1);
    }
    return xml.substring(at + 9, xml.indexOf('"', at + 9));
  }

  @Test
  void shouldUpsertEveryPairOfANewArticle() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.enriched.pipeInput("PMC99000002", enriched(V1, 1));

      List<KeyValue<String, PublishedFigure>> out = t.figures.readKeyValuesToList();
      assertThat(out)
          .hasSize(5)
          .allMatch(kv -> kv.value != null && kv.key.equals(kv.value.pairId()));
      assertThat(out).extracting(kv -> kv.key).allMatch(k -> k.startsWith("PMC99000002/"));
    }
  }

  @Test
  void shouldTombstoneThePairARevisionNoLongerHas() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.enriched.pipeInput("PMC99000002", enriched(V1, 1));
      t.figures.readKeyValuesToList();
      t.enriched.pipeInput("PMC99000002", enriched(V2, 2));

      List<TestRecord<String, PublishedFigure>> out = t.figures.readRecordsToList();
      assertThat(out)
          .filteredOn(r -> r.value() == null)
          .extracting(TestRecord::key)
          .containsExactly("PMC99000002/" + lastLoneFigureId() + "/1");
      assertThat(out)
          .filteredOn(r -> r.value() == null)
          .allMatch(r -> reason(r).equals("superseded"));
      assertThat(out).filteredOn(r -> r.value() != null).hasSize(4);
      assertThat(t.articles.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldTombstoneEveryPairOfAWithdrawnArticleAndIgnoreStaleResults() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.enriched.pipeInput("PMC99000002", enriched(V1, 1));
      t.enriched.pipeInput("PMC99000002", enriched(V2, 2));
      t.figures.readKeyValuesToList();
      t.enriched.pipeInput(
          "PMC99000002", EnrichedArticle.withdrawal("PMC99000002", 2, "retracted"));
      List<TestRecord<String, PublishedFigure>> withdrawn = t.figures.readRecordsToList();
      t.enriched.pipeInput("PMC99000002", enriched(V1, 1)); // a late result for an older version

      assertThat(withdrawn)
          .hasSize(4)
          .allMatch(r -> r.value() == null && reason(r).equals("retracted"));
      assertThat(t.figures.isEmpty()).isTrue();
      // the article leaves the articles table too, once: its tombstone goes to the extracted
      // articles, which the PubMed join carries to articles (PubmedJoinTest)
      List<TestRecord<String, org.figstream.records.Article>> articles =
          t.extractedOut.readRecordsToList();
      assertThat(articles)
          .hasSize(1)
          .allMatch(
              r ->
                  r.key().equals("PMC99000002")
                      && r.value() == null
                      && reason(r).equals("retracted"));
    }
  }

  @Test
  void shouldCarryAWithdrawalFromTheGateToTheFiguresTopic() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.enriched.pipeInput("PMC99000002", enriched(V1, 1));
      t.figures.readKeyValuesToList();
      t.announce(TopologyFixture.version("PMC99000002", 1, "e1", false));
      t.announce(TopologyFixture.removal("PMC99000002", 1));
      // the gate's withdrawal passes the enrichment stage unfetched, then reaches the ledger
      assertThat(t.passWithdrawals()).hasSize(1);

      assertThat(t.figures.readRecordsToList())
          .hasSize(5)
          .allMatch(r -> r.value() == null && reason(r).equals("removed"));
    }
  }

  /**
   * The ledger applies enriched records in the order they arrive: a version enriched again after
   * its withdrawal (removed from the bucket, then listed again) is published again. So a withdrawal
   * must never overtake a result of the same version requested before it: that result would bring
   * the withdrawn pairs back (the gate once wrote withdrawals straight to enriched). Withdrawals
   * now pass the enrichment stage, in order behind the article's earlier requests ({@code
   * WithdrawalOrderTest}).
   */
  @Test
  void shouldPublishAVersionAgainThatIsEnrichedAfterItsWithdrawal() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.enriched.pipeInput("PMC99000002", enriched(V1, 1));
      t.figures.readKeyValuesToList();
      t.enriched.pipeInput(
          "PMC99000002", EnrichedArticle.withdrawal("PMC99000002", 1, "retracted"));
      assertThat(t.figures.readRecordsToList())
          .hasSize(5)
          .allMatch(r -> r.value() == null && reason(r).equals("retracted"));
      t.enriched.pipeInput("PMC99000002", enriched(V1, 1)); // enriched again

      assertThat(t.figures.readRecordsToList())
          .hasSize(5)
          .allMatch(r -> r.value() != null && r.key().startsWith("PMC99000002/"));
    }
  }

  private static String reason(TestRecord<String, ?> r) {
    var header = r.headers().lastHeader(Headers.REASON);
    return header == null
        ? "none"
        : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
