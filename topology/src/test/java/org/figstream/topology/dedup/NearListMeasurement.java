package org.figstream.topology.dedup;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check: the near index's list scan per figure, {@link NearList} against the
 * split-and-parse scan before it ({@link SplitScan}), in one run, at the list lengths of a store of
 * 1.75 million figures (a node's share with dedup spread over 16 partitions: 27 entries a key) and
 * of 28 million (the whole OA subset in one dedup partition: 427). A lookup scans 68 lists (4
 * blocks of 16 bits, each within 1 bit). {@code ./mvnw -pl topology test -Dtest=NearListMeasurement
 * -Dfigstream.measure=true}; the lines are in
 * topology/target/surefire-reports/org.figstream.topology.dedup.NearListMeasurement-output.txt.
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class NearListMeasurement {
  private static final int LISTS = 68;

  @Test
  void measure() {
    for (int perList : new int[] {27, 427}) {
      String[] lists = lists(perList, new Random(perList));
      long[] hashes = new Random(7).longs(2_000).toArray();
      for (int round = 0; round < 5; round++) {
        long split = time(lists, hashes, true);
        long inPlace = time(lists, hashes, false);
        System.out.printf(
            "%d entries a list: split and parse %.3f ms a figure, in place %.3f (%.2fx)%n",
            perList,
            split / 1e6 / hashes.length,
            inPlace / 1e6 / hashes.length,
            split / (double) inPlace);
      }
    }
  }

  private static long time(String[] lists, long[] hashes, boolean split) {
    long sink = 0;
    long t0 = System.nanoTime();
    for (long hash : hashes) {
      for (String listed : lists) {
        NearList.Match m =
            split
                ? SplitScan.nearest(listed, hash, "self", 7)
                : NearList.nearest(listed, hash, "self", 7, p -> true);
        sink += m == null ? 0 : m.distance();
      }
    }
    long spent = System.nanoTime() - t0;
    if (sink == 42) {
      System.out.print(""); // keeps the JIT from dropping the scans
    }
    return spent;
  }

  /** Lists as the index stores them: pair ids in the extractor's form, hashes anywhere. */
  private static String[] lists(int perList, Random random) {
    String[] out = new String[LISTS];
    for (int l = 0; l < LISTS; l++) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < perList; i++) {
        s.append(i == 0 ? "" : "\n")
            .append("doi:10.1371/journal.pone.")
            .append(1_000_000 + random.nextInt(9_000_000))
            .append("/pone-g00")
            .append(random.nextInt(9))
            .append("/1=")
            .append(Long.toHexString(random.nextLong()));
      }
      out[l] = s.toString();
    }
    return out;
  }
}
