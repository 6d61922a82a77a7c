package org.figstream.topology.dedup;

import org.apache.kafka.streams.state.KeyValueStore;
import org.figstream.records.NormalizedImage;

/**
 * The near-duplicate index in its store: under each block key of {@link PerceptualBlocks}, the
 * pairs whose hash has that block value, one {@code pair=hex hash} line each. Keys made under
 * another cut (an older figstream's 7 exact blocks, another {@code --dedup-distance}) are never
 * read: near duplicates are found among the figures listed under this one.
 */
final class NearIndex {
  private final KeyValueStore<String, String> store;
  private final PerceptualBlocks cut;

  NearIndex(KeyValueStore<String, String> store, PerceptualBlocks cut) {
    this.store = store;
    this.cut = cut;
  }

  /**
   * The nearest listed pair within {@code maxDistance} bits of {@code hash}, other than {@code
   * self}; of equally near ones, the first found; null when none.
   */
  String nearest(long hash, String self, int maxDistance) {
    int best = maxDistance + 1;
    String pair = null;
    for (String[] block : cut.probes(hash)) {
      for (String key : block) {
        String listed = store.get(key);
        if (listed == null) {
          continue;
        }
        for (String line : listed.split("\n")) {
          int eq = line.lastIndexOf('=');
          int d =
              NormalizedImage.hammingDistance(
                  hash, Long.parseUnsignedLong(line.substring(eq + 1), 16));
          if (d < best && !line.substring(0, eq).equals(self)) {
            best = d;
            pair = line.substring(0, eq);
          }
        }
      }
    }
    return pair;
  }

  /** Lists {@code pair} under its hash's block keys, where it is not listed yet. */
  void add(String pair, long hash) {
    String entry = pair + "=" + Long.toHexString(hash);
    for (String key : cut.keys(hash)) {
      String listed = store.get(key);
      if (listed == null || !listed.contains(pair + "=")) {
        store.put(key, listed == null ? entry : listed + "\n" + entry);
      }
    }
  }
}
