package org.figstream.loadtest.generate;

import java.util.SplittableRandom;

/**
 * Deterministic random streams: one per (corpus seed, keys), e.g. (seed, article, figure), so that
 * any part of the corpus is made on its own, in any order, with the same bytes every time.
 */
final class Seeds {
  private Seeds() {}

  /** SplitMix64's finaliser over the seed and each key in turn. */
  static long mix(long seed, long... keys) {
    long h = scramble(seed);
    for (long k : keys) {
      h = scramble(h ^ scramble(k + 0x9E3779B97F4A7C15L));
    }
    return h;
  }

  static SplittableRandom random(long seed, long... keys) {
    return new SplittableRandom(mix(seed, keys));
  }

  private static long scramble(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
