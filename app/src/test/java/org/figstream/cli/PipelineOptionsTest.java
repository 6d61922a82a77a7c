package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.figstream.runtime.PipelineSettings;
import org.figstream.topology.dedup.DedupSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** run's processing options, from the command line and from APP_* variables. */
class PipelineOptionsTest {

  private static PipelineSettings parse(Map<String, String> env, String... args) {
    CommandLine cli = Main.commandLine(env);
    cli.parseArgs(args);
    RunCommand run = cli.getSubcommands().get("run").getCommand();
    return run.pipelineOptions.settings(run.kafkaOptions);
  }

  @Test
  void shouldDefaultToMarkingNearDuplicatesWithinSixBitsAndCreatingTopicsOnTheEmbeddedBroker() {
    assertThat(parse(Map.of(), "run")).isEqualTo(PipelineSettings.defaults());
  }

  @Test
  void shouldTakeEveryOptionFromTheCommandLineOrTheEnvironment() {
    PipelineSettings s =
        parse(
            Map.of(
                "APP_DEDUP_POLICY",
                "drop",
                "APP_INSTANCE_ID",
                "figstream-2",
                "APP_COMMIT_INTERVAL",
                "PT1S"),
            "run",
            "--dedup-distance",
            "0",
            "--enrich-concurrency",
            "3",
            "--state-memory-mb",
            "256",
            "--bootstrap-servers",
            "k:9092",
            "--partitions",
            "12",
            "--dedup-partitions",
            "4",
            "--replication-factor",
            "3");
    assertThat(s)
        .isEqualTo(
            new PipelineSettings(
                12,
                4,
                (short) 3,
                false,
                new DedupSettings(0, true),
                3,
                256L * 1024 * 1024,
                "figstream-2",
                Duration.ofSeconds(1)));
    assertThat(
            parse(Map.of(), "run", "--bootstrap-servers", "k:9092", "--create-topics")
                .createTopics())
        .isTrue();
  }

  @Test
  void shouldRefuseACommitIntervalOfZeroOrOverAMinute() {
    assertThatThrownBy(() -> parse(Map.of(), "run", "--commit-interval", "PT0S"))
        .hasMessage("--commit-interval must be over 0 and at most PT1M, not PT0S");
    assertThatThrownBy(() -> parse(Map.of(), "run", "--commit-interval", "PT2M"))
        .hasMessage("--commit-interval must be over 0 and at most PT1M, not PT2M");
    assertThat(parse(Map.of(), "run", "--commit-interval", "PT1M").commitInterval())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void shouldRefuseDedupOnNoPartitions() {
    assertThatThrownBy(() -> parse(Map.of(), "run", "--dedup-partitions", "0"))
        .hasMessage("--dedup-partitions must be at least 1, not 0");
    assertThat(parse(Map.of("APP_DEDUP_PARTITIONS", "3"), "run").dedupPartitions()).isEqualTo(3);
  }
}
