package org.figstream.loadtest.generate;

import java.util.SplittableRandom;

/**
 * The shapes of the synthetic corpus, each with where its parameters come from.
 *
 * <ul>
 *   <li>Figures per article: negative binomial with r = 1 (a geometric distribution) and mean 4,
 *       P(k) = 0.2 * 0.8^k: 20% of articles without figures (editorials, reviews, letters), median
 *       3, P(k >= 20) = 1.2%, P(k >= 30) = 0.8^30 = 0.12%, so a long tail to 30 and beyond, capped
 *       at {@link #MAX_FIGURES}.
 *   <li>Caption words: log-normal with mu 4.38 and sigma 0.76 (median 80 words), fitted to the 73
 *       figure captions of the bundled sample articles (samples/articles: median 73, mean 104,
 *       range 18 to 260 words), clamped to 6..600.
 *   <li>Table images: 35% of articles have table-wrap graphics, 1 + geometric(0.5) of them, at most
 *       6.
 * </ul>
 */
final class Distributions {
  static final double FIGURES_MEAN = 4.0;
  static final double FIGURES_CONTINUE = FIGURES_MEAN / (1 + FIGURES_MEAN); // 0.8
  static final int MAX_FIGURES = 120;
  static final double CAPTION_LOG_MEAN = 4.38;
  static final double CAPTION_LOG_SD = 0.76;
  static final double TABLE_SHARE = 0.35;

  private Distributions() {}

  static int figures(SplittableRandom r) {
    return Math.min(MAX_FIGURES, geometric(r, FIGURES_CONTINUE));
  }

  static int captionWords(SplittableRandom r) {
    double words = Math.exp(CAPTION_LOG_MEAN + CAPTION_LOG_SD * gaussian(r));
    return (int) Math.max(6, Math.min(600, Math.round(words)));
  }

  static int tables(SplittableRandom r) {
    return r.nextDouble() < TABLE_SHARE ? Math.min(6, 1 + geometric(r, 0.5)) : 0;
  }

  /** Failures before the first success, each trial continuing with probability {@code q}. */
  static int geometric(SplittableRandom r, double q) {
    return (int) Math.floor(Math.log1p(-r.nextDouble()) / Math.log(q));
  }

  /** A standard normal draw (Box-Muller), from this stream alone. */
  static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
