package org.figstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.FigureRecord;
import org.figstream.records.NormalizedImage;
import org.figstream.records.PublishedFigure;
import org.figstream.topology.dedup.DedupSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact and near duplicates through the topology's dedup stores, on real sample figures: the same
 * image under another article, the image re-encoded (new pixels, near hash), and a different
 * figure.
 */
class DedupTest {
  static final ImageNormalizer IMAGES = new ImageNormalizer();
  static final Path ROOT = SampleArticles.root().resolve("pone.0056489");
  static final NormalizedImage G1 = normalize("pone.0056489.g001.tif");
  static final NormalizedImage G2 = normalize("pone.0056489.g002.tif");

  /** G1's JPEG normalised again: a second lossy encoding changes pixels, not the picture. */
  static final NormalizedImage G1_AGAIN = IMAGES.normalize(G1.jpeg());

  @TempDir Path state;

  static NormalizedImage normalize(String file) {
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
  static List<FigureRecord> pairs(String pmcid, int version) {
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
  static Map<String, PublishedFigure> live(Map<String, PublishedFigure> out) {
    Map<String, PublishedFigure> live = new TreeMap<>();
    out.forEach(
        (k, v) -> {
          if (v != null) {
            live.put(k, v);
          }
        });
    return live;
  }

  static Map<String, PublishedFigure> publish(TopologyFixture t, EnrichedArticle... articles) {
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
  static NormalizedImage g1Flipped(int... bits) {
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
}
