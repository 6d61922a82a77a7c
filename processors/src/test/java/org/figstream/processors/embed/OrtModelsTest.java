package org.figstream.processors.embed;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

/** The session options every model is loaded with; DJL takes this object as it is. */
class OrtModelsTest {
  @Test
  void shouldTurnSpinWaitingOffByDefault() throws Exception {
    try (OrtSession.SessionOptions options = OrtModels.sessionOptions(Accelerator.CPU)) {
      assertThat(options.getConfigEntries())
          .containsEntry(OrtModels.INTRA_OP_SPINNING, "0")
          .containsEntry(OrtModels.INTER_OP_SPINNING, "0");
    }
  }

  @Test
  void shouldLetSpinWaitingBeTurnedOn() throws Exception {
    try (OrtSession.SessionOptions options =
        OrtModels.sessionOptions(Accelerator.CPU.withSpinning(true))) {
      assertThat(options.getConfigEntries())
          .containsEntry(OrtModels.INTRA_OP_SPINNING, "1")
          .containsEntry(OrtModels.INTER_OP_SPINNING, "1");
    }
  }

  @Test
  void shouldKeepTheSettingsDefaultsWithoutSpinningAndWithLengthBuckets() {
    EmbeddingSettings defaults = EmbeddingSettings.defaults();

    assertThat(defaults.accelerator().spinning()).isFalse();
    assertThat(defaults.accelerator().threads()).isZero();
    assertThat(defaults.lengthBuckets()).isTrue();
  }

  @Test
  void shouldLoadAModelWithTheseOptions() {
    try (OnnxTextEncoder spinning =
        new OnnxTextEncoder(
            BuiltinModels.resolve(BuiltinModels.TEXT), Accelerator.CPU.withSpinning(true), false)) {
      NativeCache.configure();
      assertThat(spinning.embed(java.util.List.of("a western blot"), TextRole.CAPTION).get(0))
          .hasSize(384);
    }
  }
}
