package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.broker.ClusterTls;
import org.figstream.broker.LocalCluster;
import org.figstream.records.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterKafkaCostTest {

  @Test
  void shouldRunTheSidesNamedInTheirOrderAndTodaysTwoByDefault() {
    assertThat(KafkaSetup.parse(KafkaSetup.DEFAULT))
        .containsExactly(KafkaSetup.EMBEDDED, KafkaSetup.CLUSTER);
    assertThat(KafkaSetup.parse("cluster, cluster-tls"))
        .containsExactly(KafkaSetup.CLUSTER, KafkaSetup.CLUSTER_TLS);
    assertThat(KafkaSetup.parse("cluster-tls")).containsExactly(KafkaSetup.CLUSTER_TLS);
    assertThat(KafkaSetup.parse("cluster-tls,embedded,cluster"))
        .containsExactly(KafkaSetup.CLUSTER_TLS, KafkaSetup.EMBEDDED, KafkaSetup.CLUSTER);
  }

  @Test
  void shouldRefuseAnUnknownEmptyOrRepeatedSide() {
    assertThatThrownBy(() -> KafkaSetup.parse("cluster,tls"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown side 'tls' in 'cluster,tls': the sides are embedded, cluster, cluster-tls");
    assertThatThrownBy(() -> KafkaSetup.parse("cluster,"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown side '' in 'cluster,'");
    assertThatThrownBy(() -> KafkaSetup.parse("cluster,embedded,cluster"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("side 'cluster' named twice in 'cluster,embedded,cluster'");
  }

  @Test
  void shouldGiveFigstreamTheClusterAndItsTlsSettingsOnlyOnTheTlsSide() {
    List<String> workload = List.of("--labels", "none");
    assertThat(ClusterKafkaCost.clusterArgs(workload, "127.0.0.1:1,127.0.0.1:2", null))
        .containsExactly(
            "--labels",
            "none",
            "--bootstrap-servers",
            "127.0.0.1:1,127.0.0.1:2",
            "--replication-factor",
            "3",
            "--create-topics");
    assertThat(ClusterKafkaCost.clusterArgs(workload, "127.0.0.1:1", Path.of("/r/tls.properties")))
        .containsExactly(
            "--labels",
            "none",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--replication-factor",
            "3",
            "--create-topics",
            "--kafka-config",
            "/r/tls.properties");
  }

  @Test
  void shouldHandTheTlsClientSettingsOnToTheHarnesssConsumer(@TempDir Path dir) throws Exception {
    ClusterTls tls =
        new ClusterTls(dir.resolve("node.p12"), "kp", dir.resolve("truststore.p12"), "tp");
    Path file = tls.writeClientProperties(dir.resolve("kafka-client.properties"));
    List<String> args = ClusterKafkaCost.clusterArgs(List.of(), "127.0.0.1:9", file);

    // what FigstreamChild reads from the arguments, figstream reads from the same file
    Map<String, String> read = FigstreamChild.kafkaConfig(args);
    assertThat(read)
        .containsOnly(
            Map.entry("security.protocol", "SSL"),
            Map.entry("ssl.truststore.type", "PKCS12"),
            Map.entry("ssl.truststore.location", dir.resolve("truststore.p12").toString()),
            Map.entry("ssl.truststore.password", "tp"));
    assertThat(LatencyProbe.config("127.0.0.1:9", read))
        .containsEntry("bootstrap.servers", "127.0.0.1:9")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.truststore.location", dir.resolve("truststore.p12").toString())
        .containsEntry("ssl.truststore.password", "tp")
        .containsEntry("isolation.level", "read_committed");
  }

  @Test
  void shouldCompareEachSideWithTheOneBeforeIt() {
    ClusterKafkaCost.Side cluster =
        new ClusterKafkaCost.Side(KafkaSetup.CLUSTER, 1000, 100, 40, 2, 198);
    ClusterKafkaCost.Side tls =
        new ClusterKafkaCost.Side(KafkaSetup.CLUSTER_TLS, 1000, 125, 60, 3, 237);
    assertThat(ClusterKafkaCost.summary(List.of(cluster, tls)))
        .isEqualTo(
            """
            | Kafka | figures | seconds | figures/s | brokers' CPU-s a figure | Kafka clients' \
            | the rest of the app's | all |
            |---|---|---|---|---|---|---|---|
            | three nodes, replicated 3 times | 1000 | 100.0 | 10.00 | 0.0400 | 0.0020 | 0.1980 \
            | 0.2400 |
            | three nodes, replicated 3 times, TLS | 1000 | 125.0 | 8.00 | 0.0600 | 0.0030 \
            | 0.2370 | 0.3000 |

            cluster-tls/cluster: rate 0.80; CPU a figure: brokers' 1.50, Kafka clients' 1.50, \
            all 1.25

            """);
    // one side alone: its row, nothing to compare it with
    assertThat(ClusterKafkaCost.summary(List.of(tls)))
        .endsWith(
            "| three nodes, replicated 3 times, TLS | 1000 | 125.0 | 8.00 | 0.0600 | 0.0030"
                + " | 0.2370 | 0.3000 |\n\n");
  }

  @Test
  void shouldLetTheHarnesssConsumerReadATlsClusterWithFigstreamsSettings(@TempDir Path dir)
      throws Exception {
    String classpath = System.getProperty("java.class.path");
    try (LocalCluster cluster =
        LocalCluster.startTls(dir.resolve("nodes"), classpath, 1, LocalCluster.TEST_JVM)) {
      Path file =
          cluster.tls().orElseThrow().writeClientProperties(dir.resolve("kafka-client.properties"));
      List<String> args = ClusterKafkaCost.clusterArgs(List.of(), cluster.bootstrapServers(), file);
      try (Admin admin = Admin.create(cluster.clientConfig())) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(Topics.ARTICLE_VERSIONS, 1, (short) 1),
                    new NewTopic(Topics.FIGURES, 1, (short) 1)))
            .all()
            .get(60, TimeUnit.SECONDS);
      }
      try (KafkaProducer<String, String> p =
          new KafkaProducer<>(
              cluster.clientConfig(), new StringSerializer(), new StringSerializer())) {
        p.send(new ProducerRecord<>(Topics.ARTICLE_VERSIONS, "article-1", "v1"))
            .get(30, TimeUnit.SECONDS);
      }
      try (LatencyProbe probe =
          new LatencyProbe(
                  FigstreamChild.externalBrokers(args), FigstreamChild.kafkaConfig(args), 0)
              .start()) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (probe.announcements() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(probe.announcements()).isEqualTo(1);
      }
    }
  }
}
