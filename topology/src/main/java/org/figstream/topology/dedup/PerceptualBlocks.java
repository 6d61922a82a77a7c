package org.figstream.topology.dedup;

/**
 * Multi-index hashing for Hamming search: a 64-bit hash split into {@code distance + 1} blocks. Two
 * hashes within {@code distance} bits differ in at most {@code distance} blocks, so they agree
 * exactly on at least one (pigeonhole): looking up each block of a hash finds every near neighbour,
 * without scanning the index.
 */
final class PerceptualBlocks {
  private PerceptualBlocks() {}

  /**
   * Index keys of a hash's blocks: {@code n:i:value}, the block count first so that settings may
   * change.
   */
  static String[] keys(long hash, int distance) {
    int blocks = distance + 1;
    String[] keys = new String[blocks];
    int start = 0;
    for (int i = 0; i < blocks; i++) {
      int width = 64 / blocks + (i < 64 % blocks ? 1 : 0);
      long value = width == 64 ? hash : (hash >>> start) & ((1L << width) - 1);
      keys[i] = blocks + ":" + i + ":" + Long.toHexString(value);
      start += width;
    }
    return keys;
  }
}
