package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Topics;
import org.figstream.runtime.TopicCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run} on a cluster named only where a deployment names it (the --kafka-config file, KAFKA_*
 * variables), and a data directory that belongs to another cluster.
 */
class RunOnExternalKafkaTest {

  @Test
  void shouldPublishToTheClusterOfTheKafkaConfigFileAndStartNoBroker(@TempDir Path dir)
      throws Exception {
    try (EmbeddedBroker cluster = EmbeddedBroker.start(dir.resolve("cluster"))) {
      Path config =
          Files.writeString(
              dir.resolve("client.properties"),
              "bootstrap.servers=" + cluster.bootstrapServers() + "\n");
      Path data = dir.resolve("data");

      StringWriter err = new StringWriter();
      int exit = run(err, data, Map.of(), "--kafka-config", config.toString());

      assertThat(exit).as(err.toString()).isZero();
      assertThat(err.toString())
          .contains(
              "figstream: external Kafka at "
                  + cluster.bootstrapServers()
                  + " (bootstrap.servers from --kafka-config "
                  + config
                  + ")")
          .doesNotContain("embedded Kafka broker")
          .contains(
              "run: caught up: 70 live pairs on figures, 7 articles on articles, 0 dead letters on dlq");
      assertThat(data.resolve("kafka")).doesNotExist();
      // as in RunCommandTest: day 2 of the sample leaves 70 live pairs, now on the configured
      // cluster
      assertThat(TopicCounts.liveKeys(cluster.clientConfig(), Topics.FIGURES)).hasSize(70);
    }
  }

  @Test
  void shouldRefuseADataDirectoryThatHoldsTheStateOfAnotherCluster(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    String first;
    try (EmbeddedBroker cluster = EmbeddedBroker.start(dir.resolve("first"))) {
      StringWriter err = new StringWriter();
      assertThat(run(err, data, cluster)).as(err.toString()).isZero();
      first = clusterId(cluster);
    }
    try (EmbeddedBroker other = EmbeddedBroker.start(dir.resolve("second"))) {
      StringWriter err = new StringWriter();
      int exit = run(err, data, other);

      assertThat(exit).isEqualTo(2);
      assertThat(err.toString())
          .endsWith(
              "run: the data directory "
                  + data.toAbsolutePath()
                  + " holds the state of "
                  + "Kafka cluster "
                  + first
                  + " (Streams stores, feed index, dataset offsets), but "
                  + other.bootstrapServers()
                  + " is cluster "
                  + clusterId(other)
                  + ": run against cluster "
                  + first
                  + " again, or give another --data-dir to start afresh on "
                  + clusterId(other)
                  + "\n");
      // refused before anything was published or created there
      try (Admin admin = Admin.create(other.clientConfig())) {
        assertThat(admin.listTopics().names().get())
            .doesNotContain(Topics.ARTICLE_VERSIONS, Topics.FIGURES);
      }
    }
  }

  /**
   * {@code run --no-feed}: an instance that only processes what another announces (ScaleOutIT runs
   * it beside one with the feed, on a three-broker cluster).
   */
  @Test
  void shouldAnnounceNothingWithoutTheFeedAndExitOnceNothingIsPending(@TempDir Path dir) {
    try (EmbeddedBroker cluster = EmbeddedBroker.start(dir.resolve("cluster"))) {
      StringWriter err = new StringWriter();
      int exit = run(err, dir.resolve("data"), cluster, "--no-feed");

      assertThat(exit).as(err.toString()).isZero();
      assertThat(err.toString())
          .contains("feed: off (--no-feed): processing what other instances announce")
          .doesNotContain("feed: reading")
          .contains("run: caught up: 0 live pairs on figures, 0 articles on articles");
      assertThat(TopicCounts.records(cluster.clientConfig(), Topics.ARTICLE_VERSIONS)).isZero();
    }
  }

  private static int run(StringWriter err, Path data, EmbeddedBroker cluster, String... more) {
    return run(err, data, Map.of("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers()), more);
  }

  private static int run(StringWriter err, Path data, Map<String, String> env, String... more) {
    CommandLine cli = Main.commandLine(env);
    cli.setErr(new PrintWriter(err, true));
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                // not about labels: the smaller caption model starts and runs in half the time
                "--text-model",
                "all-minilm-l6-v2",
                "--sample",
                "--sample-dir",
                SampleArticles.root().toString(),
                "--until-caught-up",
                "--data-dir",
                data.toString(),
                "--http-port",
                "-1",
                "--create-topics",
                "--dataset=false",
                // about the cluster; PubMed on a cluster runs in SaslSslRunTest and ScaleOutIT
                "--no-pubmed"));
    args.addAll(List.of(more));
    return cli.execute(args.toArray(String[]::new));
  }

  private static String clusterId(EmbeddedBroker broker) throws Exception {
    try (Admin admin = Admin.create(broker.clientConfig())) {
      return admin.describeCluster().clusterId().get();
    }
  }
}
