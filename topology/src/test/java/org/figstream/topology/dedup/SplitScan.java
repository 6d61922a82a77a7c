package org.figstream.topology.dedup;

/**
 * The index's list scan before {@link NearList}: split into lines, parse each. The reference that
 * NearList is checked and measured against.
 */
final class SplitScan {
  private SplitScan() {}

  static NearList.Match nearest(String listed, long hash, String self, int below) {
    NearList.Match found = null;
    int best = below;
    for (String line : listed.split("\n")) {
      int eq = line.lastIndexOf('=');
      int d = Long.bitCount(hash ^ Long.parseUnsignedLong(line.substring(eq + 1), 16));
      if (d < best && !line.substring(0, eq).equals(self)) {
        best = d;
        found = new NearList.Match(line.substring(0, eq), d);
      }
    }
    return found;
  }
}
