package org.figstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.FigureRecord;
import org.figstream.records.NormalizedImage;
import org.figstream.records.PublishedFigure;
import org.figstream.state.StoreNames;
import org.figstream.topology.dedup.DedupSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact and near duplicates through the topology's dedup stores, on real sample figures: the same
 * image under another article, the image re-encoded (new pixels, near hash), and a different
 * figure.
 */
class DedupTest {
  private static final ImageNormalizer IMAGES = new ImageNormalizer();
  private static final Path ROOT = SampleArticles.root().resolve("pone.0056489");
  static final NormalizedImage G1 = normalize("pone.0056489.g001.tif");
  static final NormalizedImage G2 = normalize("pone.0056489.g002.tif");

  /** G1's JPEG normalised again: a second lossy encoding changes pixels, not the picture. */
  private static final NormalizedImage G1_AGAIN = IMAGES.normalize(G1.jpeg());

  @TempDir Path state;

  private static NormalizedImage normalize(String file) {
    try {
      return IMAGES.normalize(Files.readAllBytes(ROOT.resolve(file)));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The first figure of pone.0056489 as article {@code pmcid} would have it, with {@code image}.
   */
  static EnrichedArticle article(String pmcid, int version, NormalizedImage image) {
    FigureRecord first =
        new JatsExtractor()
            .extract(
                SampleArticles.article("pone.0056489").xml(),
                List.of(),
                new ArticleHint(pmcid, version))
            .get(0)
            .figures()
            .get(0);
    return new EnrichedArticle(
        pmcid, version, false, null, List.of(PublishedFigure.withImage(first, image)));
  }

  /**
   * pone.0056489 as version {@code version} of {@code pmcid}, with its first {@code images.length}
   * pairs, pair i showing {@code images[i]} (left out where that is null).
   */
  static EnrichedArticle articleWith(String pmcid, int version, NormalizedImage... images) {
    List<FigureRecord> figures = pairs(pmcid, version);
    List<PublishedFigure> shown = new ArrayList<>();
    for (int i = 0; i < images.length; i++) {
      if (images[i] != null) {
        shown.add(PublishedFigure.withImage(figures.get(i), images[i]));
      }
    }
    return new EnrichedArticle(pmcid, version, false, null, shown);
  }

  /**
   * The pairs of pone.0056489 (figures and a table) as version {@code version} of {@code pmcid}.
   */
  private static List<FigureRecord> pairs(String pmcid, int version) {
    return new JatsExtractor()
        .extract(
            SampleArticles.article("pone.0056489").xml(),
            List.of(),
            new ArticleHint(pmcid, version))
        .get(0)
        .figures();
  }

  /** The id of pair {@code n} (1-based) of pone.0056489 as article {@code pmcid} has it. */
  static String pair(String pmcid, int n) {
    return pairs(pmcid, 1).get(n - 1).pairId();
  }

  /** What is on {@code figures} after the records read so far: tombstoned pairs left out. */
  private static Map<String, PublishedFigure> live(Map<String, PublishedFigure> out) {
    Map<String, PublishedFigure> live = new TreeMap<>();
    out.forEach(
        (k, v) -> {
          if (v != null) {
            live.put(k, v);
          }
        });
    return live;
  }

  private static Map<String, PublishedFigure> publish(
      TopologyFixture t, EnrichedArticle... articles) {
    for (EnrichedArticle a : articles) {
      t.enriched.pipeInput(a.pmcid(), a);
    }
    return t.figures.readKeyValuesToMap();
  }

  @Test
  void shouldHaveTestImagesThatAreWhatTheirNamesSay() {
    assertThat(G1_AGAIN.pixelSha256()).isNotEqualTo(G1.pixelSha256());
    assertThat(NormalizedImage.hammingDistance(G1.perceptualHash(), G1_AGAIN.perceptualHash()))
        .isLessThanOrEqualTo(6);
    assertThat(NormalizedImage.hammingDistance(G1.perceptualHash(), G2.perceptualHash()))
        .isGreaterThan(6);
  }

  @Test
  void shouldMarkExactAndNearDuplicatesWithTheirCanonicalPair() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, G1),
              article("PMC2", 1, G1),
              article("PMC3", 1, G1_AGAIN),
              article("PMC4", 1, G2));

      assertThat(out).hasSize(4);
      assertThat(out.get("PMC1/pone-0056489-g001/1").duplicateOf()).isNull();
      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateOf())
          .isEqualTo("PMC1/pone-0056489-g001/1");
      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateKind()).isEqualTo("exact");
      assertThat(out.get("PMC3/pone-0056489-g001/1").duplicateOf())
          .isEqualTo("PMC1/pone-0056489-g001/1");
      assertThat(out.get("PMC3/pone-0056489-g001/1").duplicateKind()).isEqualTo("near");
      assertThat(out.get("PMC4/pone-0056489-g001/1").duplicateOf()).isNull();
    }
  }

  @Test
  void shouldNotTakeANewVersionForADuplicateOfItself() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out = publish(t, article("PMC1", 1, G1), article("PMC1", 2, G1));

      assertThat(out.get("PMC1/pone-0056489-g001/1").duplicateOf()).isNull();
    }
  }

  @Test
  void shouldDropDuplicatesWhenThePolicySaysSo() {
    try (TopologyFixture t = new TopologyFixture(state, new DedupSettings(6, true))) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, G1),
              article("PMC2", 1, G1),
              article("PMC3", 1, G1_AGAIN),
              article("PMC4", 1, G2));

      assertThat(out.keySet())
          .containsExactlyInAnyOrder("PMC1/pone-0056489-g001/1", "PMC4/pone-0056489-g001/1");
    }
  }

  /**
   * G1 with its perceptual hash's {@code bits} flipped, and pixels of its own: what a re-encoding
   * that moved those bits would give.
   */
  private static NormalizedImage g1Flipped(int... bits) {
    long hash = G1.perceptualHash();
    for (int bit : bits) {
      hash ^= 1L << bit;
    }
    return new NormalizedImage(
        G1.jpeg(),
        G1.width(),
        G1.height(),
        G1.originalWidth(),
        G1.originalHeight(),
        G1.originalFormat(),
        "flipped" + java.util.Arrays.toString(bits),
        hash);
  }

  @Test
  void shouldFindANearDuplicateWhoseDifferencesTouchEveryBlock() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, G1),
              article("PMC2", 1, g1Flipped(0, 1, 16, 17, 32, 48)),
              article("PMC3", 1, g1Flipped(5, 6, 21, 22, 37, 53, 60)));

      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateOf())
          .isEqualTo("PMC1/pone-0056489-g001/1");
      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateKind()).isEqualTo("near");
      assertThat(out.get("PMC3/pone-0056489-g001/1").duplicateOf()).isNull();
    }
  }

  @Test
  void shouldNameTheNearestOfSeveralNearPairs() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, g1Flipped(40, 41, 42, 43, 44)),
              article("PMC2", 1, g1Flipped(0, 1)),
              article("PMC3", 1, g1Flipped()));

      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateOf()).isNull();
      assertThat(out.get("PMC3/pone-0056489-g001/1").duplicateOf())
          .isEqualTo("PMC2/pone-0056489-g001/1");
    }
  }

  @Test
  void shouldNameOnlyCanonicalPairsAsNearDuplicates() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, G1),
              article("PMC2", 1, g1Flipped(0, 1, 2, 3, 4)),
              article("PMC3", 1, g1Flipped(0, 1, 2, 3, 4, 20, 21)));

      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateOf())
          .isEqualTo("PMC1/pone-0056489-g001/1");
      // 2 bits from PMC2, a duplicate; 7 from PMC1, the canonical pair: a picture of its own
      assertThat(out.get("PMC3/pone-0056489-g001/1").duplicateOf()).isNull();
    }
  }

  @Test
  void shouldNameTheNextCopyCanonicalOnceTheArticleOfTheCanonicalPairIsWithdrawn() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, G1),
              EnrichedArticle.withdrawal("PMC1", 1, "retracted"),
              article("PMC2", 1, G1),
              article("PMC3", 1, G1));

      assertThat(live(out).keySet())
          .containsExactly("PMC2/pone-0056489-g001/1", "PMC3/pone-0056489-g001/1");
      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateOf()).isNull();
      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateKind()).isNull();
      // PMC2 took PMC1's place in the exact index
      assertThat(out.get("PMC3/pone-0056489-g001/1").duplicateOf())
          .isEqualTo("PMC2/pone-0056489-g001/1");
      assertThat(out.get("PMC3/pone-0056489-g001/1").duplicateKind()).isEqualTo("exact");
      // PMC2's search, on the same hash, read every list PMC1 was in, and dropped it from them:
      // the index lists PMC2 once under each of the default cut's 4 blocks, and nothing else
      assertThat(nearIndexPairs(t))
          .containsExactly(
              "PMC2/pone-0056489-g001/1",
              "PMC2/pone-0056489-g001/1",
              "PMC2/pone-0056489-g001/1",
              "PMC2/pone-0056489-g001/1");
    }
  }

  /** Every line of every near-index list, as the pair it names. */
  private static List<String> nearIndexPairs(TopologyFixture t) {
    List<String> pairs = new ArrayList<>();
    KeyValueStore<String, String> near = t.driver.getKeyValueStore(StoreNames.DEDUP_NEAR);
    try (KeyValueIterator<String, String> all = near.all()) {
      all.forEachRemaining(
          kv -> {
            for (String line : kv.value.split("\n")) {
              pairs.add(line.substring(0, line.lastIndexOf('=')));
            }
          });
    }
    return pairs;
  }

  @Test
  void shouldPublishTheNextCopyUnderDropOnceARevisionSupersedesTheCanonicalPair() {
    try (TopologyFixture t = new TopologyFixture(state, new DedupSettings(6, true))) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, G1),
              articleWith("PMC1", 2), // the revision has the figure no more
              article("PMC2", 1, G1_AGAIN),
              article("PMC3", 1, G1));

      assertThat(out).containsEntry("PMC1/pone-0056489-g001/1", null);
      // the near copy is the image's canonical pair now; the exact copy of the old one is its
      // near duplicate (the exact index's dead entry replaced, the near index's skipped)
      assertThat(live(out).keySet()).containsExactly("PMC2/pone-0056489-g001/1");
      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateOf()).isNull();
    }
  }

  @Test
  void shouldNotNameAPairThatTheVersionInProcessDrops() {
    assertThat(pair("PMC1", 2)).isEqualTo("PMC1/pone-0056489-t001/1");
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.enriched.pipeInput("PMC1", articleWith("PMC1", 1, G1));
      // version 2 shows the image in its second pair, and has the first no more
      t.enriched.pipeInput("PMC1", articleWith("PMC1", 2, null, G1));
      t.enriched.pipeInput("PMC1", articleWith("PMC1", 3, null, G1_AGAIN));
      List<TestRecord<String, PublishedFigure>> out = t.figures.readRecordsToList();

      assertThat(out)
          .extracting(TestRecord::key, r -> r.value() == null ? "tombstone" : "upsert")
          .containsExactly(
              tuple(pair("PMC1", 1), "upsert"),
              tuple(pair("PMC1", 1), "tombstone"),
              tuple(pair("PMC1", 2), "upsert"),
              tuple(pair("PMC1", 2), "upsert"));
      assertThat(out.get(2).value().duplicateOf()).isNull();
      // version 3 re-encodes the image: near the first pair's old listing, gone, and its own
      assertThat(out.get(3).value().duplicateOf()).isNull();
    }
  }

  @Test
  void shouldNameAPairOfTheVersionInProcessThatTheLedgerHasNotSeenYet() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out =
          publish(t, articleWith("PMC1", 1, G2), articleWith("PMC1", 2, G2, G1, G1));

      assertThat(out.get(pair("PMC1", 1)).duplicateOf()).isNull();
      assertThat(out.get(pair("PMC1", 2)).duplicateOf()).isNull();
      assertThat(out.get(pair("PMC1", 3)).duplicateOf()).isEqualTo(pair("PMC1", 2));
      assertThat(out.get(pair("PMC1", 3)).duplicateKind()).isEqualTo("exact");
    }
  }

  @Test
  void shouldNameANearPairOfTheVersionInProcessThatTheLedgerHasNotSeenYet() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out =
          publish(t, articleWith("PMC1", 1, G2), articleWith("PMC1", 2, G2, G1, G1_AGAIN));

      assertThat(out.get(pair("PMC1", 2)).duplicateOf()).isNull();
      assertThat(out.get(pair("PMC1", 3)).duplicateOf()).isEqualTo(pair("PMC1", 2));
      assertThat(out.get(pair("PMC1", 3)).duplicateKind()).isEqualTo("near");
    }
  }

  @Test
  void shouldKeepANearDuplicateANearDuplicateWhenItIsProcessedAgain() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.enriched.pipeInput("PMC1", article("PMC1", 1, G1));
      t.enriched.pipeInput("PMC3", article("PMC3", 1, G1_AGAIN));
      t.enriched.pipeInput("PMC3", article("PMC3", 2, G1_AGAIN)); // a revision keeping it
      t.enriched.pipeInput("PMC3", article("PMC3", 2, G1_AGAIN)); // its files replaced
      List<TestRecord<String, PublishedFigure>> out = t.figures.readRecordsToList();

      assertThat(out)
          .extracting(TestRecord::key, r -> r.value().duplicateOf(), r -> r.value().duplicateKind())
          .containsExactly(
              tuple("PMC1/pone-0056489-g001/1", null, null),
              tuple("PMC3/pone-0056489-g001/1", "PMC1/pone-0056489-g001/1", "near"),
              tuple("PMC3/pone-0056489-g001/1", "PMC1/pone-0056489-g001/1", "near"),
              tuple("PMC3/pone-0056489-g001/1", "PMC1/pone-0056489-g001/1", "near"));
    }
  }

  @Test
  void shouldKeepDroppingANearDuplicateWhenItIsProcessedAgain() {
    try (TopologyFixture t = new TopologyFixture(state, new DedupSettings(6, true))) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, G1),
              article("PMC3", 1, G1_AGAIN),
              article("PMC3", 2, G1_AGAIN),
              article("PMC3", 2, G1_AGAIN));

      assertThat(out.keySet()).containsExactly("PMC1/pone-0056489-g001/1");
    }
  }
}
