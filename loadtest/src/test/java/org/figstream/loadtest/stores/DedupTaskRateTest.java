package org.figstream.loadtest.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DedupTaskRate's reduced run: the app's pipeline on a real broker names every copy of the corpus
 * right from one dedup task, and the rate it reports counts every figure.
 */
class DedupTaskRateTest {
  private static final int FIGURES = 2_000;

  @TempDir Path dir;

  @Test
  void shouldNameEveryCopyFromOneTaskOnARealBroker() throws Exception {
    ScaleFigures corpus = new ScaleFigures(FIGURES, 17);
    long exactCopies = corpus.count(ScaleFigures.Kind.EXACT);
    long nearCopies = corpus.count(ScaleFigures.Kind.NEAR);

    DedupTaskRate.Result r = DedupTaskRate.run(corpus, 4, 1, dir);

    // every figure once on figures (each article's only version), every verdict as planned
    assertThat(r.verdicts().checked()).isEqualTo(FIGURES);
    assertThat(r.verdicts().exact()).isEqualTo(exactCopies).isPositive();
    assertThat(r.verdicts().near()).isEqualTo(nearCopies).isPositive();
    assertThat(r.verdicts().wrongCount()).isZero();
    assertThat(r.markdown()).contains("| " + FIGURES + " | 4 | 1 | ").contains("| 0 of 2000 |");
  }
}
