package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.figstream.processors.embed.EmbeddingSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The inference threads and concurrency run and enrich give the encoders. */
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
}
