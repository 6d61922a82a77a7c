package org.figstream.processors.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How a batch of texts is split into model calls. A call pads its rows to its longest, so texts of
 * very different lengths waste work together; but each call also has a fixed cost, and a call of
 * many tokens runs slower a token (its activations outgrow the core's cache). {@link #planned}
 * splits the texts, longest first, into the runs of similar length that cost least by a model of
 * all three, with constants measured on e5-small-v2, one intra-op thread ({@code
 * TokenCostMeasurement}, docs/benchmarks.md). Masked attention and masked mean pooling make the
 * padding irrelevant to the vectors, so only the cost changes.
 */
final class CallPlan {
  /** A call's fixed cost, in tokens' worth of work: about 4 ms against 0.30 ms a token. */
  static final double CALL_TOKENS = 13;

  /** Tokens in a call at which each token costs twice what it does in a small call. */
  static final double SLOWDOWN_TOKENS = 9600;

  private CallPlan() {}

  /** All rows in one call. */
  static List<int[]> oneCall(int[] lengths) {
    int[] all = new int[lengths.length];
    Arrays.setAll(all, i -> i);
    return List.of(all);
  }

  /** Each row in a call of its own, without padding. */
  static List<int[]> alone(int[] lengths) {
    List<int[]> calls = new ArrayList<>(lengths.length);
    for (int i = 0; i < lengths.length; i++) {
      calls.add(new int[] {i});
    }
    return calls;
  }

  /**
   * The rows by length, longest first, cut into consecutive runs so that the modelled cost of the
   * calls is least (dynamic programming over the cut points; batches are tens of rows).
   */
  static List<int[]> planned(int[] lengths) {
    int n = lengths.length;
    int[] order = byLengthDescending(lengths);
    double[] best = new double[n + 1];
    int[] cut = new int[n + 1];
    for (int end = 1; end <= n; end++) {
      best[end] = Double.MAX_VALUE;
      for (int start = 0; start < end; start++) {
        double cost = best[start] + cost(end - start, lengths[order[start]]);
        if (cost < best[end]) {
          best[end] = cost;
          cut[end] = start;
        }
      }
    }
    List<int[]> calls = new ArrayList<>();
    for (int end = n; end > 0; end = cut[end]) {
      calls.add(0, Arrays.copyOfRange(order, cut[end], end));
    }
    return calls;
  }

  /** A call of {@code rows} rows padded to {@code longest} tokens, in tokens' worth of work. */
  static double cost(int rows, int longest) {
    double tokens = (double) rows * longest;
    return CALL_TOKENS + tokens * (1 + tokens / SLOWDOWN_TOKENS);
  }

  /** Row indices, the longest row first (ties in index order). */
  static int[] byLengthDescending(int[] lengths) {
    return java.util.stream.IntStream.range(0, lengths.length)
        .boxed()
        .sorted(Comparator.comparingInt((Integer i) -> lengths[i]).reversed())
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
