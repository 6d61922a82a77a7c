package org.figstream.processors.label;

import java.util.Map;
import java.util.TreeMap;

/**
 * Precision and recall of each global concept from a confusion (hand concept -> top-1 concept ->
 * figures). A user who filters a dataset by one concept gets its precision: the share of the
 * figures labelled so that really are; recall is the share of the concept's figures the filter
 * keeps.
 */
final class PerConcept {
  record Counts(int hand, int labelled, int right) {
    double precision() {
      return labelled == 0 ? Double.NaN : right / (double) labelled;
    }

    double recall() {
      return hand == 0 ? Double.NaN : right / (double) hand;
    }
  }

  private PerConcept() {}

  static Map<String, Counts> of(Map<String, Map<String, Integer>> confusion) {
    Map<String, int[]> tally = new TreeMap<>();
    confusion.forEach(
        (hand, row) ->
            row.forEach(
                (top1, figures) -> {
                  tally.computeIfAbsent(hand, k -> new int[3])[0] += figures;
                  tally.computeIfAbsent(top1, k -> new int[3])[1] += figures;
                  if (hand.equals(top1)) {
                    tally.get(hand)[2] += figures;
                  }
                }));
    Map<String, Counts> out = new TreeMap<>();
    tally.forEach((concept, t) -> out.put(concept, new Counts(t[0], t[1], t[2])));
    return out;
  }

  static String report(Map<String, Map<String, Integer>> confusion) {
    StringBuilder s =
        new StringBuilder(
            "per concept (hand figures, labelled top-1, right; precision, recall):\n");
    of(confusion)
        .forEach(
            (concept, c) ->
                s.append(
                    String.format(
                        "  %-36s %4d %4d %4d  %5.3f %5.3f%n",
                        concept, c.hand(), c.labelled(), c.right(), c.precision(), c.recall())));
    return s.toString();
  }
}
