package org.figstream.loadtest.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DedupScale's reduced run: every verdict right, and the near index's writes barely growing. */
class DedupScaleTest {
  private static final int FIGURES = 8_000;

  @TempDir Path state;

  @Test
  void shouldNameEveryCopyAndBarelyGrowTheIndexWritesOverEightThousandFigures() {
    ScaleFigures corpus = new ScaleFigures(FIGURES, 17);
    long exactCopies = corpus.count(ScaleFigures.Kind.EXACT);
    long nearCopies = corpus.count(ScaleFigures.Kind.NEAR);

    ScaleReport report = DedupScale.run(corpus, state);

    assertThat(report.verdicts().checked()).isEqualTo(FIGURES);
    assertThat(report.verdicts().exact()).isEqualTo(exactCopies).isPositive();
    assertThat(report.verdicts().near()).isEqualTo(nearCopies).isPositive();
    assertThat(report.verdicts().wrongCount()).isZero();
    assertThat(report.tenths()).hasSize(10);
    assertThat(report.tenths().get(9).figuresDone()).isEqualTo(FIGURES);
    // each canonical figure rewrites the lists under its 4 block keys: with 1 in 65,536 figures a
    // list they stay about one entry long at 8,000 figures (132 bytes a figure in the first tenth,
    // 151 in the last); with 1 in 512, the earlier cut, they grew 7.8-fold (375 to 2,932)
    double first = report.tenths().get(0).nearBytesAFigure();
    double last = report.tenths().get(9).nearBytesAFigure();
    assertThat(last).isLessThan(first * 1.5);
  }
}
