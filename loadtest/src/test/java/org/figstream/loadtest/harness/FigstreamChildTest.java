package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigstreamChildTest {

  @Test
  void shouldTakeTheClusterFromEitherSpellingOfTheOption() {
    assertThat(
            FigstreamChild.externalBrokers(
                List.of("--labels", "none", "--bootstrap-servers", "127.0.0.1:1,127.0.0.1:2")))
        .isEqualTo("127.0.0.1:1,127.0.0.1:2");
    assertThat(FigstreamChild.externalBrokers(List.of("--bootstrap-servers=h:9092")))
        .isEqualTo("h:9092");
  }

  @Test
  void shouldLeaveTheEmbeddedBrokerWhenNoClusterIsNamed() {
    assertThat(FigstreamChild.externalBrokers(List.of("--labels", "none"))).isNull();
    // a trailing option without its value names no cluster
    assertThat(FigstreamChild.externalBrokers(List.of("--bootstrap-servers"))).isNull();
  }

  @Test
  void shouldReadTheKafkaConfigFileTheArgumentsName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, "security.protocol=SSL\nssl.truststore.password=secret\n");
    Map<String, String> expected =
        Map.of("security.protocol", "SSL", "ssl.truststore.password", "secret");
    assertThat(FigstreamChild.kafkaConfig(List.of("--kafka-config", file.toString())))
        .isEqualTo(expected);
    assertThat(FigstreamChild.kafkaConfig(List.of("--labels", "none", "--kafka-config=" + file)))
        .isEqualTo(expected);
    // a plaintext cluster or the embedded broker: nothing beyond the address
    assertThat(FigstreamChild.kafkaConfig(List.of("--bootstrap-servers", "h:9092"))).isEmpty();
  }
}
