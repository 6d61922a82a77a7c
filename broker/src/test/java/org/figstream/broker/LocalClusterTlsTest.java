package org.figstream.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-node {@link LocalCluster} started with TLS, as the load harness starts three: a client with
 * the cluster's truststore produces and consumes over SSL; a plaintext client gets nowhere.
 */
class LocalClusterTlsTest {
  private static final String TOPIC = "tls-check";

  @Test
  void shouldServeClientsOverSslAndRefusePlaintext(@TempDir Path dir) throws Exception {
    String classpath = System.getProperty("java.class.path");
    try (LocalCluster cluster = LocalCluster.startTls(dir, classpath, 1, LocalCluster.TEST_JVM)) {
      ClusterTls tls = cluster.tls().orElseThrow();
      assertThat(Files.isRegularFile(tls.keystore())).isTrue();
      assertThat(tls.clientProperties())
          .containsEntry("security.protocol", "SSL")
          .containsEntry("ssl.truststore.type", "PKCS12")
          .containsEntry("ssl.truststore.location", tls.truststore().toString())
          .containsEntry("ssl.truststore.password", tls.truststorePassword());
      // the controller listener is SSL too: the configuration the node was formatted with
      assertThat(Files.readString(dir.resolve("node-1/server.properties")))
          .contains("listener.security.protocol.map=SSL\\:SSL,CONTROLLER\\:SSL")
          .contains("inter.broker.listener.name=SSL");

      Map<String, Object> client = new HashMap<>(cluster.clientConfig());
      try (Admin admin = Admin.create(client)) {
        admin
            .createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
            .all()
            .get(60, TimeUnit.SECONDS);
      }
      Map<String, Object> producer = new HashMap<>(client);
      producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
      try (KafkaProducer<String, String> p =
          new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
        p.send(new ProducerRecord<>(TOPIC, "k", "over TLS")).get(30, TimeUnit.SECONDS);
      }
      try (KafkaConsumer<String, String> c =
          new KafkaConsumer<>(client, new StringDeserializer(), new StringDeserializer())) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        c.assign(List.of(partition));
        c.seekToBeginning(List.of(partition));
        List<ConsumerRecord<String, String>> read = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (read.isEmpty() && System.nanoTime() < deadline) {
          c.poll(Duration.ofMillis(500)).forEach(read::add);
        }
        assertThat(read).hasSize(1);
        assertThat(read.get(0).key()).isEqualTo("k");
        assertThat(read.get(0).value()).isEqualTo("over TLS");
      }

      // the same address without the TLS settings: the handshake never completes, no metadata
      Map<String, Object> plaintext =
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              cluster.bootstrapServers(),
              ProducerConfig.MAX_BLOCK_MS_CONFIG,
              3_000);
      try (KafkaProducer<String, String> p =
          new KafkaProducer<>(plaintext, new StringSerializer(), new StringSerializer())) {
        assertThatThrownBy(() -> p.send(new ProducerRecord<>(TOPIC, "k", "in clear")).get())
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(TimeoutException.class);
      }
      assertThat(cluster.alive(1)).isTrue();
    }
  }

  @Test
  void shouldTurnEveryListenerOfANodeToSslWithTheNodesKeystore() {
    ClusterTls tls = new ClusterTls(Path.of("k.p12"), "kp", Path.of("/t/truststore.p12"), "tp");
    java.util.Properties node = EmbeddedBroker.loopbackNode(2, 9094, 9095, Path.of("n"), 3);
    ClusterTls.secure(node, tls.nodeProperties());
    assertThat(node.getProperty("listeners"))
        .isEqualTo("SSL://127.0.0.1:9094,CONTROLLER://127.0.0.1:9095");
    assertThat(node.getProperty("advertised.listeners")).isEqualTo("SSL://127.0.0.1:9094");
    assertThat(node.getProperty("inter.broker.listener.name")).isEqualTo("SSL");
    assertThat(node.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
    assertThat(node.getProperty("listener.security.protocol.map"))
        .isEqualTo("SSL:SSL,CONTROLLER:SSL");
    assertThat(tls.nodeProperties())
        .containsOnly(
            Map.entry("ssl.truststore.type", "PKCS12"),
            Map.entry("ssl.truststore.location", "/t/truststore.p12"),
            Map.entry("ssl.truststore.password", "tp"),
            Map.entry("ssl.keystore.type", "PKCS12"),
            Map.entry("ssl.keystore.location", "k.p12"),
            Map.entry("ssl.keystore.password", "kp"),
            Map.entry("ssl.key.password", "kp"));
    tls.nodeProperties().forEach((k, v) -> assertThat(node.getProperty(k)).isEqualTo(v));
  }
}
