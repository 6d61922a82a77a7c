package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {

  @Test
  void shouldTakeKafkaVariablesThenTheFileThenTheCommandLine(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("client.properties"),
            "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nssl.truststore.location=/etc/kafka/trust.p12\n");
    Map<String, String> env =
        Map.of(
            "KAFKA_SASL_MECHANISM", "PLAIN",
            "KAFKA_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.plain.PlainLoginModule required;",
            "KAFKA_BOOTSTRAP_SERVERS", "env:9092",
            "KAFKA_HEAP_OPTS", "-Xmx1g",
            "APP_DATA_DIR", "/data");

    Map<String, Object> config = KafkaClientConfig.resolve("cli:9092", file, env);

    assertThat(config)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "bootstrap.servers", "cli:9092",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/etc/kafka/trust.p12",
                "sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required;"));
  }

  @Test
  void shouldUseTheEnvironmentAloneWhenNothingElseIsGiven() {
    assertThat(
            KafkaClientConfig.resolve(
                null, null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092")))
        .containsExactlyEntriesOf(Map.of("bootstrap.servers", "k1:9092,k2:9092"));
  }
}
