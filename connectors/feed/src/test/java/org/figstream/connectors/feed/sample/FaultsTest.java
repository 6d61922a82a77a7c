package org.figstream.connectors.feed.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultsTest {

  @Test
  void shouldRefuseARateThatIsNotAShare() {
    assertThatThrownBy(() -> Faults.all(2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a fault rate is a share of requests, from 0 to 1 (0.2 is 20%): got 2.0");
    assertThatThrownBy(() -> Faults.all(-0.1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Faults.all(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Faults.all(1, 1).rate()).isEqualTo(1.0);
    assertThat(Faults.all(0.2, 1).kinds()).containsExactly(Faults.Kind.values());
  }
}
