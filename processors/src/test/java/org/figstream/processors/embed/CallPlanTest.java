package org.figstream.processors.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CallPlanTest {

  private static double cost(List<int[]> calls, int[] lengths) {
    double sum = 0;
    for (int[] call : calls) {
      sum +=
          CallPlan.cost(call.length, IntStream.of(call).map(i -> lengths[i]).max().orElseThrow());
    }
    return sum;
  }

  /** The least cost over every way of cutting the rows, sorted longest first, into runs. */
  private static double bruteForce(int[] lengths) {
    int[] sorted = IntStream.of(lengths).boxed().sorted((a, b) -> b - a).mapToInt(i -> i).toArray();
    int n = sorted.length;
    double best = Double.MAX_VALUE;
    for (int cuts = 0; cuts < 1 << (n - 1); cuts++) {
      double sum = 0;
      int start = 0;
      for (int i = 1; i <= n; i++) {
        if (i == n || (cuts & 1 << (i - 1)) != 0) {
          sum += CallPlan.cost(i - start, sorted[start]);
          start = i;
        }
      }
      best = Math.min(best, sum);
    }
    return best;
  }

  @Test
  void shouldPlaceEveryRowOnceAtTheLeastModelledCost() {
    Random random = new Random(20261206);
    for (int round = 0; round < 200; round++) {
      int[] lengths = random.ints(1 + random.nextInt(12), 3, 257).toArray();
      List<int[]> calls = CallPlan.planned(lengths);
      assertThat(calls.stream().flatMapToInt(IntStream::of).sorted().toArray())
          .containsExactly(IntStream.range(0, lengths.length).toArray());
      assertThat(cost(calls, lengths))
          .as(Arrays.toString(lengths))
          .isCloseTo(bruteForce(lengths), within(1e-9));
    }
  }

  @Test
  void shouldKeepShortTextsTogetherAndSplitLongOnes() {
    // padding a 3-token text to 256 costs more than a call of its own
    assertThat(CallPlan.planned(new int[] {3, 256})).hasSize(2);
    // six sentences of 7 to 9 tokens: one call, as a second call costs more than the padding
    assertThat(CallPlan.planned(new int[] {9, 8, 8, 7, 9, 8})).singleElement();
    // sixteen captions of 200 tokens: 3,200 tokens in one call run a third slower a token, so
    // calls of two (cost 13 + 400 x (1 + 400 / 9600) each) beat one of sixteen
    int[] captions = new int[16];
    Arrays.fill(captions, 200);
    assertThat(CallPlan.planned(captions)).hasSize(8).allSatisfy(c -> assertThat(c).hasSize(2));
  }

  @Test
  void shouldRunRowsAloneOrAllTogetherWhenAsked() {
    int[] lengths = {12, 256, 7};
    assertThat(CallPlan.oneCall(lengths)).singleElement().isEqualTo(new int[] {0, 1, 2});
    assertThat(CallPlan.alone(lengths)).hasSize(3).allSatisfy(c -> assertThat(c).hasSize(1));
  }
}
