package org.figstream.loadtest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The corpus's shapes on 10,000 draws, against the parameters Distributions documents. */
class DistributionsTest {
  private static final ArticlePlanner PLANNER =
      new ArticlePlanner(GeneratorSettings.defaults(17, 10_000));

  @Test
  void shouldDrawFiguresWithMeanFourAndATailBeyondThirty() {
    int[] figures = IntStream.range(0, 10_000).map(PLANNER::figureCount).toArray();

    double mean = Arrays.stream(figures).average().orElseThrow();
    long none = Arrays.stream(figures).filter(n -> n == 0).count();
    long thirtyOrMore = Arrays.stream(figures).filter(n -> n >= 30).count();
    // geometric, mean 4: standard deviation sqrt(20) = 4.47, so the mean of 10,000 is 4 +- 0.045
    assertThat(mean).isBetween(3.85, 4.15);
    // P(0) = 0.2: 2000 +- 40
    assertThat(none).isBetween(1850L, 2150L);
    // P(k >= 30) = 0.8^30 = 0.124%: 12.4 expected
    assertThat(thirtyOrMore).isBetween(4L, 25L);
    assertThat(Arrays.stream(figures).max().orElseThrow()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void shouldDrawCaptionLengthsLikeTheSampleCaptions() {
    java.util.SplittableRandom r = Seeds.random(17, 1);
    int[] words = IntStream.range(0, 10_000).map(i -> Distributions.captionWords(r)).toArray();
    Arrays.sort(words);

    // log-normal(4.38, 0.76): median e^4.38 = 80 words, quartiles 48 and 133;
    // the samples' 73 captions: median 73, quartiles 36 and 163
    assertThat(words[5_000]).isBetween(75, 85);
    assertThat(words[2_500]).isBetween(45, 51);
    assertThat(words[7_500]).isBetween(126, 140);
    assertThat(words[0]).isGreaterThanOrEqualTo(6);
    assertThat(words[9_999]).isLessThanOrEqualTo(600);
  }

  @Test
  void shouldGiveTablesToAThirdOfTheArticles() {
    java.util.SplittableRandom r = Seeds.random(17, 2);
    long withTables = IntStream.range(0, 10_000).filter(i -> Distributions.tables(r) > 0).count();

    assertThat(withTables).isBetween(3350L, 3650L); // 35% +- 3 standard deviations (0.48%)
  }
}
