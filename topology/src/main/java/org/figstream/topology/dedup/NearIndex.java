package org.figstream.topology.dedup;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The near-duplicate index in its store: under each block key of {@link PerceptualBlocks}, the
 * canonical pairs whose hash has that block value, one {@code pair=hex hash} line each. Only
 * canonical pairs are listed, so a near duplicate always names a pair that is no one's duplicate
 * (and that {@code drop} keeps); a listed pair that has left {@code figures} since is skipped. Keys
 * made with another block count (an older figstream's 7 exact blocks, or a distance whose cut has
 * another count) are never read: near duplicates are found among the figures listed since.
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
   * The nearest listed pair within the distance of {@code hash} that {@code live} accepts, other
   * than {@code pair} itself (of equally near ones, the first found); when there is none, {@code
   * pair} is listed under its own block keys, read in the search already, and null returned. Pairs
   * found dead are dropped from the lists this search read, so that later searches need not ask
   * again (lists not read keep them, and skip them when found; a pair that comes back is listed
   * again when processed, if canonical).
   */
  String nearestElseList(String pair, long hash, Predicate<String> live) {
    String[][] probes = cut.probes(hash);
    String[][] read = new String[probes.length][];
    Map<String, Boolean> asked = new HashMap<>();
    Predicate<String> alive = p -> asked.computeIfAbsent(p, live::test);
    int best = maxDistance + 1;
    String nearest = null;
    for (int block = 0; block < probes.length; block++) {
      read[block] = new String[probes[block].length];
      for (int k = 0; k < probes[block].length; k++) {
        String listed = store.get(probes[block][k]);
        read[block][k] = listed;
        NearList.Match m =
            listed == null ? null : NearList.nearest(listed, hash, pair, best, alive);
        if (m != null) {
          best = m.distance();
          nearest = m.pair();
        }
      }
    }
    asked.values().removeIf(yes -> yes);
    if (!asked.isEmpty()) {
      forget(asked.keySet(), probes, read);
    }
    if (nearest == null) {
      list(pair, hash, probes, read);
    }
    return nearest;
  }

  /** Drops the {@code dead} pairs from the lists read, {@code read} kept as now stored. */
  private void forget(Set<String> dead, String[][] probes, String[][] read) {
    for (int block = 0; block < probes.length; block++) {
      for (int k = 0; k < probes[block].length; k++) {
        String listed = read[block][k];
        if (listed == null) {
          continue;
        }
        String kept = listed;
        for (String pair : dead) {
          if (kept != null && NearList.lists(kept, pair)) {
            kept = NearList.without(kept, pair);
          }
        }
        if (kept != listed) {
          if (kept == null) {
            store.delete(probes[block][k]);
          } else {
            store.put(probes[block][k], kept);
          }
          read[block][k] = kept;
        }
      }
    }
  }

  /**
   * Adds {@code pair} to its blocks' lists ({@code read}: as stored, each block's own key first),
   * where it is not listed yet.
   */
  private void list(String pair, long hash, String[][] probes, String[][] read) {
    String entry = pair + "=" + Long.toHexString(hash);
    for (int block = 0; block < probes.length; block++) {
      String listed = read[block][0];
      if (listed == null) {
        store.put(probes[block][0], entry);
      } else if (!NearList.lists(listed, pair)) {
        store.put(probes[block][0], listed + "\n" + entry);
      }
    }
  }
}
