package org.figstream.topology.dedup;

import java.util.function.Predicate;
import org.figstream.records.NormalizedImage;

/**
 * One near-index list as stored, {@code pair=hex hash} lines, searched for the nearest hash in
 * place. A lookup reads 68 lists, each as long as one 65,536th of the store (some 430 entries at
 * the whole OA subset's 28 million figures, with one dedup partition), so the scan allocates
 * nothing per entry: it parses each hash where it lies and copies out a pair id only when it is
 * nearer.
 */
final class NearList {
  /** A listed pair and its hash's distance from the one looked up. */
  record Match(String pair, int distance) {}

  private NearList() {}

  /**
   * The first listed pair nearest to {@code hash} at a distance under {@code below}, other than
   * {@code self}, among the pairs {@code live} accepts; null when there is none. {@code live} is
   * asked only about a pair nearer than any found yet, so rarely, and may read a store.
   */
  static Match nearest(String listed, long hash, String self, int below, Predicate<String> live) {
    Match found = null;
    int best = below;
    int n = listed.length();
    for (int start = 0; start < n; ) {
      int end = listed.indexOf('\n', start);
      end = end < 0 ? n : end;
      int eq = listed.lastIndexOf('=', end - 1);
      if (eq < start) {
        throw new IllegalStateException("a near-index line without a hash: " + listed);
      }
      int d = NormalizedImage.hammingDistance(hash, hex(listed, eq + 1, end));
      if (d < best && !isPair(listed, start, eq, self)) {
        String pair = listed.substring(start, eq);
        if (live.test(pair)) {
          best = d;
          found = new Match(pair, d);
        }
      }
      start = end + 1;
    }
    return found;
  }

  /** Whether {@code pair} is listed in {@code listed}. */
  static boolean lists(String listed, String pair) {
    int n = listed.length();
    for (int start = 0; start < n; ) {
      int end = listed.indexOf('\n', start);
      end = end < 0 ? n : end;
      if (isPair(listed, start, listed.lastIndexOf('=', end - 1), pair)) {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  /** {@code listed} without {@code pair}'s lines; null when nothing is left. */
  static String without(String listed, String pair) {
    StringBuilder kept = new StringBuilder(listed.length());
    int n = listed.length();
    for (int start = 0; start < n; ) {
      int end = listed.indexOf('\n', start);
      end = end < 0 ? n : end;
      if (!isPair(listed, start, listed.lastIndexOf('=', end - 1), pair)) {
        kept.append(kept.length() == 0 ? "" : "\n").append(listed, start, end);
      }
      start = end + 1;
    }
    return kept.length() == 0 ? null : kept.toString();
  }

  private static boolean isPair(String listed, int start, int eq, String pair) {
    return eq - start == pair.length() && listed.regionMatches(start, pair, 0, pair.length());
  }

  /** The unsigned hex number in {@code s} from {@code from} to {@code to}, as Long.toHexString. */
  private static long hex(String s, int from, int to) {
    if (to - from < 1 || to - from > 16) {
      throw new IllegalStateException("not a 64-bit hex hash: " + s.substring(from, to));
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(s.charAt(i), 16);
      if (digit < 0) {
        throw new IllegalStateException("not a 64-bit hex hash: " + s.substring(from, to));
      }
      v = (v << 4) | digit;
    }
    return v;
  }
}
