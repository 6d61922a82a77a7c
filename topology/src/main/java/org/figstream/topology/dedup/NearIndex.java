package org.figstream.topology.dedup;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The near-duplicate index in its store: under each block key of {@link PerceptualBlocks}, the
 * canonical pairs whose hash has that block value, one {@code pair=hex hash} line each. Only
 * canonical pairs are listed, so a near duplicate always names a pair that is no one's duplicate
 * (and that {@code drop} keeps). Keys made with another block count (an older figstream's 7 exact
 * blocks, or a distance whose cut has another count) are never read: near duplicates are found
 * among the figures listed since.
 */
final class NearIndex {
  private final KeyValueStore<String, String> store;
  private final int maxDistance;
  private final PerceptualBlocks cut;

  /** Over {@code store}, for hashes within {@code maxDistance} bits, cut as that distance asks. */
  NearIndex(KeyValueStore<String, String> store, int maxDistance) {
    this.store = store;
    this.maxDistance = maxDistance;
    this.cut = PerceptualBlocks.forDistance(maxDistance);
  }

  /**
   * The nearest listed pair within the distance of {@code hash}, other than {@code pair} itself (of
   * equally near ones, the first found); when there is none, {@code pair} is listed under its own
   * block keys, read in the search already, and null returned.
   */
  String nearestElseList(String pair, long hash) {
    String[][] probes = cut.probes(hash);
    String[] own = new String[probes.length];
    int best = maxDistance + 1;
    String nearest = null;
    for (int block = 0; block < probes.length; block++) {
      for (int k = 0; k < probes[block].length; k++) {
        String listed = store.get(probes[block][k]);
        if (k == 0) {
          own[block] = listed;
        }
        NearList.Match m = listed == null ? null : NearList.nearest(listed, hash, pair, best);
        if (m != null) {
          best = m.distance();
          nearest = m.pair();
        }
      }
    }
    if (nearest == null) {
      list(pair, hash, probes, own);
    }
    return nearest;
  }

  /** Adds {@code pair} to its blocks' lists ({@code own}: as read), where it is not listed yet. */
  private void list(String pair, long hash, String[][] probes, String[] own) {
    String entry = pair + "=" + Long.toHexString(hash);
    for (int block = 0; block < probes.length; block++) {
      String listed = own[block];
      if (listed == null) {
        store.put(probes[block][0], entry);
      } else if (!NearList.lists(listed, pair)) {
        store.put(probes[block][0], listed + "\n" + entry);
      }
    }
  }
}
