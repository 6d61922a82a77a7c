package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.runtime.KafkaTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Which Kafka {@code run} uses, once options, APP_* and KAFKA_* variables and the config file are
 * all read.
 */
class KafkaTargetTest {

  private static KafkaOptions parse(Map<String, String> env, String... args) {
    CommandLine cli = Main.commandLine(env);
    cli.parseArgs(args);
    RunCommand run = cli.getSubcommands().get("run").getCommand();
    return run.kafkaOptions;
  }

  @Test
  void shouldUseTheClusterOfKafkaBootstrapServersInTheEnvironment() {
    KafkaOptions options = parse(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092"), "run");

    assertThat(options.target())
        .isEqualTo(
            new KafkaTarget(
                Map.of("bootstrap.servers", "k1:9092,k2:9092"), "KAFKA_BOOTSTRAP_SERVERS"));
    assertThat(options.createTopics()).isFalse();
  }

  @Test
  void shouldUseTheClusterOfTheKafkaConfigFile(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("client.properties"),
            "bootstrap.servers=file:9092\nsecurity.protocol=SSL\n");
    KafkaOptions options =
        parse(Map.of("KAFKA_SASL_MECHANISM", "PLAIN"), "run", "--kafka-config", file.toString());

    assertThat(options.target())
        .isEqualTo(
            new KafkaTarget(
                Map.of(
                    "bootstrap.servers",
                    "file:9092",
                    "security.protocol",
                    "SSL",
                    "sasl.mechanism",
                    "PLAIN"),
                "--kafka-config " + file));
    assertThat(options.target().describe())
        .isEqualTo(
            "external Kafka at file:9092 (bootstrap.servers from --kafka-config " + file + ")");
    assertThat(options.createTopics()).isFalse();
  }

  @Test
  void shouldSayWhetherBootstrapServersWasTypedOrCameFromAppVariable() {
    assertThat(
            parse(
                    Map.of(
                        "APP_BOOTSTRAP_SERVERS", "app:9092", "KAFKA_BOOTSTRAP_SERVERS", "env:9092"),
                    "run")
                .target())
        .isEqualTo(
            new KafkaTarget(Map.of("bootstrap.servers", "app:9092"), "APP_BOOTSTRAP_SERVERS"));
    assertThat(
            parse(
                    Map.of("APP_BOOTSTRAP_SERVERS", "app:9092"),
                    "run",
                    "--bootstrap-servers",
                    "cli:9092")
                .target())
        .isEqualTo(new KafkaTarget(Map.of("bootstrap.servers", "cli:9092"), "--bootstrap-servers"));
  }

  @Test
  void shouldUseTheEmbeddedBrokerWhenNoSourceNamesACluster(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("client.properties"), "client.id=figstream-test\n");
    KafkaOptions options =
        parse(Map.of("KAFKA_HEAP_OPTS", "-Xmx1g"), "run", "--kafka-config", file.toString());

    assertThat(options.target().external()).isFalse();
    assertThat(options.createTopics()).isTrue();
  }

  @Test
  void shouldRefuseAKafkaConfigFileThatDoesNotExistBeforeStartingAnything(@TempDir Path dir) {
    Path missing = dir.resolve("missing.properties");
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(Map.of());
    cli.setErr(new PrintWriter(err, true));

    // without the check, this is a complete sample run on an embedded broker
    int exit =
        cli.execute(
            "run",
            "--sample",
            "--sample-dir",
            SampleArticles.root().toString(),
            "--until-caught-up",
            "--data-dir",
            dir.resolve("data").toString(),
            "--http-port",
            "-1",
            "--kafka-config",
            missing.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "run: the Kafka client config file "
                + missing
                + " (--kafka-config) does not exist or is not a file\n");
    assertThat(dir.resolve("data")).doesNotExist();
  }
}
