package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
      CommandLine cli = Main.commandLine(Map.of());
      cli.setErr(new PrintWriter(err, true));
      int exit =
          cli.execute(
              "run",
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
              "--kafka-config",
              config.toString());

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

  private static int run(StringWriter err, Path data, EmbeddedBroker cluster) {
    CommandLine cli =
        Main.commandLine(Map.of("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers()));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(
        "run",
        "--sample",
        "--sample-dir",
        SampleArticles.root().toString(),
        "--until-caught-up",
        "--data-dir",
        data.toString(),
        "--http-port",
        "-1",
        "--create-topics",
        "--dataset=false");
  }

  private static String clusterId(EmbeddedBroker broker) throws Exception {
    try (Admin admin = Admin.create(broker.clientConfig())) {
      return admin.describeCluster().clusterId().get();
    }
  }
}
