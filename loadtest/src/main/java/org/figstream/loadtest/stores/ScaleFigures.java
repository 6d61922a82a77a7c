package org.figstream.loadtest.stores;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.FigureKind;
import org.figstream.records.FigureRecord;
import org.figstream.records.NormalizedImage;
import org.figstream.records.PublishedFigure;

/**
 * Figures for the dedup stores only, as many as a node's share of the backfill: uniform random
 * perceptual hashes, with a share of exact copies (an earlier figure's pixels) and near copies (a
 * fresh earlier figure's hash with 1 to 4 bits flipped, new pixels). Deterministic from the seed;
 * every figure's pixel hash is a function of the figure it shows, so nothing but the hashes is
 * kept.
 */
final class ScaleFigures {
  static final int PER_ARTICLE = 4;
  static final double EXACT_SHARE = 0.03;
  static final double NEAR_SHARE = 0.03;

  /** What figure {@code i} is, and what the dedup stores should say of it. */
  enum Kind {
    FRESH,
    EXACT,
    NEAR
  }

  private static final byte[] PLACEHOLDER_JPEG = {
    (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9
  };

  private final long[] hashes;
  private final int[] shows;

  /** The fresh figure whose hash a figure's was made from (itself, when fresh). */
  private final int[] sources;

  private final Kind[] kinds;

  ScaleFigures(int figures, long seed) {
    hashes = new long[figures];
    shows = new int[figures];
    sources = new int[figures];
    kinds = new Kind[figures];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < figures; i++) {
      double draw = random.nextDouble();
      if (i > 0 && draw < EXACT_SHARE) {
        int earlier = random.nextInt(i);
        kinds[i] = Kind.EXACT;
        shows[i] = shows[earlier];
        sources[i] = sources[earlier];
        hashes[i] = hashes[earlier];
      } else if (i > 0 && draw < EXACT_SHARE + NEAR_SHARE) {
        // a near copy of a canonical figure (one the index lists): of an earlier figure's source
        int source = sources[random.nextInt(i)];
        long hash = hashes[source];
        for (int flips = 1 + random.nextInt(4), done = 0; done < flips; ) {
          long bit = 1L << random.nextInt(64);
          if ((hash & bit) == (hashes[source] & bit)) {
            hash ^= bit;
            done++;
          }
        }
        kinds[i] = Kind.NEAR;
        shows[i] = i;
        sources[i] = source;
        hashes[i] = hash;
      } else {
        kinds[i] = Kind.FRESH;
        shows[i] = i;
        sources[i] = i;
        hashes[i] = random.nextLong();
      }
    }
  }

  int size() {
    return hashes.length;
  }

  int articles() {
    return (hashes.length + PER_ARTICLE - 1) / PER_ARTICLE;
  }

  Kind kind(int figure) {
    return kinds[figure];
  }

  /** How many figures are of {@code kind}. */
  long count(Kind kind) {
    return java.util.Arrays.stream(kinds).filter(k -> k == kind).count();
  }

  long hash(int figure) {
    return hashes[figure];
  }

  /**
   * The first figure with figure {@code i}'s pixels: its canonical pair when it is an exact copy.
   */
  int firstWithPixels(int figure) {
    return shows[figure];
  }

  static String pairId(int figure) {
    return pmcid(figure / PER_ARTICLE) + "/f" + (figure % PER_ARTICLE) + "/1";
  }

  static int figureOf(String pairId) {
    int slash = pairId.indexOf('/');
    int article = Integer.parseInt(pairId.substring(3, slash));
    int within = Integer.parseInt(pairId.substring(slash + 2, pairId.indexOf('/', slash + 1)));
    return article * PER_ARTICLE + within;
  }

  static String pmcid(int article) {
    return "PMC" + article;
  }

  EnrichedArticle article(int article) {
    return article(article, PLACEHOLDER_JPEG);
  }

  /** With {@code jpeg} as every figure's image bytes (their size is what costs a broker). */
  EnrichedArticle article(int article, byte[] jpeg) {
    List<PublishedFigure> figures = new ArrayList<>(PER_ARTICLE);
    for (int f = article * PER_ARTICLE; f < Math.min(size(), (article + 1) * PER_ARTICLE); f++) {
      String pair = pairId(f);
      FigureRecord record =
          new FigureRecord(
              pair,
              pmcid(article),
              FigureKind.FIGURE,
              "f" + (f % PER_ARTICLE),
              1,
              null,
              null,
              null,
              "body",
              "Figure",
              "A figure",
              "A figure.",
              null,
              "f",
              "f.jpg",
              List.of());
      NormalizedImage image =
          new NormalizedImage(jpeg, 1, 1, 1, 1, "jpeg", pixelSha(shows[f]), hashes[f]);
      figures.add(PublishedFigure.withImage(record, image));
    }
    return new EnrichedArticle(pmcid(article), 1, false, null, figures);
  }

  private static String pixelSha(int figure) {
    SplittableRandom r = new SplittableRandom(0x5EED_0000_0000L + figure);
    return String.format(
        "%016x%016x%016x%016x", r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
  }
}
