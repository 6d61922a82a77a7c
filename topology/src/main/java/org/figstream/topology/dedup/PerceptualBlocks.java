package org.figstream.topology.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-index hashing for Hamming search: a 64-bit hash cut into {@code blocks} blocks. Two hashes
 * within {@code distance} bits differ in one block by at most {@code distance / blocks} bits
 * (pigeonhole), so looking up every value within that radius of each block finds every near
 * neighbour without scanning the index.
 *
 * <p>Why not always {@code distance + 1} blocks, radius 0 (one lookup a block)? Blocks then get
 * narrow (9 or 10 bits for distance 6): each index key lists one 512th of every figure ever seen,
 * so a lookup reads, and an insert rewrites, lists that grow with the store, about 0.6 MB a figure
 * at a node's 1.75 million figures. Wider blocks with a radius keep the lists short at the price of
 * more lookups; {@link #forDistance} picks the cut with the least expected work at {@link
 * #REFERENCE_FIGURES} figures.
 *
 * @param blocks how many blocks the hash is cut into; part of every key, so index entries made
 *     under another cut are never misread
 * @param radius bits a block is searched within
 */
record PerceptualBlocks(int blocks, int radius) {
  /** The store size the cut is chosen for: about a node's share of the OA backfill. */
  static final double REFERENCE_FIGURES = 1 << 21;

  /** A lookup's cost in index entries read: a store get against parsing one listed pair. */
  static final double PROBE_COST = 16;

  static PerceptualBlocks forDistance(int distance) {
    if (distance < 0 || distance > 63) {
      throw new IllegalArgumentException("distance must be 0 to 63 bits, not " + distance);
    }
    PerceptualBlocks best = null;
    double least = Double.MAX_VALUE;
    for (int blocks = 1; blocks <= distance + 1; blocks++) {
      PerceptualBlocks cut = new PerceptualBlocks(blocks, distance / blocks);
      double cost = 0;
      for (int i = 0; i < blocks; i++) {
        cost +=
            within(cut.width(i), cut.radius)
                * (PROBE_COST + REFERENCE_FIGURES / Math.pow(2, cut.width(i)));
      }
      if (cost < least) {
        least = cost;
        best = cut;
      }
    }
    return best;
  }

  /** Bits of block {@code i}: 64 / blocks, the first 64 % blocks one more. */
  int width(int i) {
    return 64 / blocks + (i < 64 % blocks ? 1 : 0);
  }

  /**
   * The index keys to look up for {@code hash}, by block: each block's values within the radius,
   * its own value (the key the hash is listed under) first.
   */
  String[][] probes(long hash) {
    String[][] keys = new String[blocks][];
    int start = 0;
    for (int i = 0; i < blocks; i++) {
      int width = width(i);
      List<Long> values = new ArrayList<>();
      flips(blockValue(hash, start, width), width, 0, radius, values);
      keys[i] = new String[values.size()];
      for (int k = 0; k < keys[i].length; k++) {
        keys[i][k] = key(i, values.get(k));
      }
      start += width;
    }
    return keys;
  }

  private String key(int block, long value) {
    return blocks + ":" + block + ":" + Long.toHexString(value);
  }

  private static long blockValue(long hash, int start, int width) {
    return width == 64 ? hash : (hash >>> start) & ((1L << width) - 1);
  }

  /**
   * {@code value}, then every value that differs from it in at most {@code left} bits at or past
   * {@code from}.
   */
  private static void flips(long value, int width, int from, int left, List<Long> out) {
    out.add(value);
    if (left == 0) {
      return;
    }
    for (int bit = from; bit < width; bit++) {
      flips(value ^ (1L << bit), width, bit + 1, left - 1, out);
    }
  }

  /** How many values lie within {@code radius} bits of a {@code width}-bit value. */
  static double within(int width, int radius) {
    double sum = 0;
    double choose = 1;
    for (int k = 0; k <= Math.min(radius, width); k++) {
      sum += choose;
      choose = choose * (width - k) / (k + 1);
    }
    return sum;
  }
}
