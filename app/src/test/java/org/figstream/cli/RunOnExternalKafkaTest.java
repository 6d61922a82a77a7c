package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Topics;
import org.figstream.runtime.TopicCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run} on a cluster named only where a deployment names it: the --kafka-config file. */
class RunOnExternalKafkaTest {

  @Test
  void shouldPublishToTheClusterOfTheKafkaConfigFileAndStartNoBroker(@TempDir Path dir) throws Exception {
    try (EmbeddedBroker cluster = EmbeddedBroker.start(dir.resolve("cluster"))) {
      Path config = Files.writeString(dir.resolve("client.properties"),
          "bootstrap.servers=" + cluster.bootstrapServers() + "\n");
      Path data = dir.resolve("data");

      StringWriter err = new StringWriter();
      CommandLine cli = Main.commandLine(Map.of());
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute("run", "--sample", "--sample-dir", SampleArticles.root().toString(), "--until-caught-up",
          "--data-dir", data.toString(), "--http-port", "-1", "--create-topics", "--dataset=false",
          "--kafka-config", config.toString());

      assertThat(exit).as(err.toString()).isZero();
      assertThat(err.toString())
          .contains("figstream: external Kafka at " + cluster.bootstrapServers()
              + " (bootstrap.servers from --kafka-config " + config + ")")
          .doesNotContain("embedded Kafka broker")
          .contains("run: caught up: 70 live pairs on figures, 7 articles on articles, 0 dead letters on dlq");
      assertThat(data.resolve("kafka")).doesNotExist();
      // as in RunCommandTest: day 2 of the sample leaves 70 live pairs, now on the configured cluster
      assertThat(TopicCounts.liveKeys(cluster.clientConfig(), Topics.FIGURES)).hasSize(70);
    }
  }
}
