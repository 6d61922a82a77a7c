package org.figstream.processors.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Text encoders with a named call plan, for measurements outside this package. */
public final class PlannedEncoders {
  private PlannedEncoders() {}

  /** {@code plan}: "planned" (the default), "spread" (the rule before it) or "one-call". */
  public static OnnxTextEncoder of(EncoderDescriptor d, Accelerator accelerator, String plan) {
    return switch (plan) {
      case "planned" -> new OnnxTextEncoder(d, accelerator, CallPlan::planned);
      case "spread" -> new OnnxTextEncoder(d, accelerator, PlannedEncoders::bySpread);
      case "one-call" -> new OnnxTextEncoder(d, accelerator, CallPlan::oneCall);
      default -> throw new IllegalArgumentException("no such plan: " + plan);
    };
  }

  /**
   * The rule before 2026-12-06, for the measurement that compares the two: longest first, a call
   * holding rows of at least two thirds of its longest.
   */
  static List<int[]> bySpread(int[] lengths) {
    int[] order = CallPlan.byLengthDescending(lengths);
    List<int[]> calls = new ArrayList<>();
    int start = 0;
    while (start < order.length) {
      int longest = lengths[order[start]];
      int end = start + 1;
      while (end < order.length && lengths[order[end]] >= longest * 2.0 / 3) {
        end++;
      }
      calls.add(Arrays.copyOfRange(order, start, end));
      start = end;
    }
    return calls;
  }
}
