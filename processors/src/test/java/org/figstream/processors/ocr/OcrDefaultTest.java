package org.figstream.processors.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.figstream.processors.embed.Accelerator;
import org.junit.jupiter.api.Test;

class OcrDefaultTest {
  private static final Accelerator CUDA = new Accelerator("cuda", 0, false, null, 0);
  private static final Accelerator TENSORRT =
      new Accelerator("tensorrt", 0, true, Path.of("engines"), 0);

  @Test
  void shouldBeOffOnTheCpuAndOnWhereAGpuRunsTheModels() {
    assertThat(OcrDefault.enabled(null, Accelerator.CPU)).isFalse();
    assertThat(OcrDefault.enabled(null, CUDA)).isTrue();
    assertThat(OcrDefault.enabled(null, TENSORRT)).isTrue();
  }

  @Test
  void shouldDoWhatTheUserAskedWhereverTheModelsRun() {
    assertThat(OcrDefault.enabled(true, Accelerator.CPU)).isTrue();
    assertThat(OcrDefault.enabled(false, CUDA)).isFalse();
    assertThat(OcrDefault.enabled(false, TENSORRT)).isFalse();
  }
}
