package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
