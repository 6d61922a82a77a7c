package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.label.Calibration;
import org.figstream.processors.label.LabelSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The inference threads and concurrency run and enrich give the encoders, and the labels' options.
 */
class AnnotationOptionsTest {
  private static EmbeddingSettings parse(String... args) {
    CommandLine cli = Main.commandLine(Map.of());
    cli.parseArgs(args);
    RunCommand run = cli.getSubcommands().get("run").getCommand();
    return run.annotation.embedding(Path.of("data"));
  }

  @Test
  void shouldRunOneSingleThreadedCallPerCoreWithoutSpinningByDefault() {
    EmbeddingSettings s = parse("run");

    assertThat(s.accelerator().threads()).isEqualTo(1);
    assertThat(s.concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(s.accelerator().spinning()).isFalse();
    assertThat(s.lengthBuckets()).isTrue();
  }

  @Test
  void shouldTakeThreadsAndConcurrencyAsGiven() {
    EmbeddingSettings s = parse("run", "--inference-threads", "0", "--inference-concurrency", "3");

    assertThat(s.accelerator().threads()).isZero();
    assertThat(s.concurrency()).isEqualTo(3);
  }

  @Test
  void shouldAnswerAmbiguousUnderTheLabellersThresholdUnlessTold() {
    LabelSettings defaults = labelling("run");
    LabelSettings never = labelling("run", "--ambiguous-below", "0");

    assertThat(defaults.ambiguousBelow()).isEqualTo(Calibration.AMBIGUOUS_BELOW);
    assertThat(defaults.calibration()).isEqualTo(Calibration.DEFAULT);
    assertThat(never.calibration()).isEqualTo(new Calibration(Calibration.SHARPNESS, 0));
  }

  private static LabelSettings labelling(String... args) {
    CommandLine cli = Main.commandLine(Map.of());
    cli.parseArgs(args);
    RunCommand run = cli.getSubcommands().get("run").getCommand();
    return run.annotation.labelling();
  }
}
