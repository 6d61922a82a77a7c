package org.figstream.connectors.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SinkSettingsTest {
  private static final long MB = 1L << 20;

  @Test
  void shouldSizeRowGroupsToTheHeap() {
    assertThat(SinkSettings.rowGroupBytesFor(512 * MB)).isEqualTo(32 * MB);
    assertThat(SinkSettings.rowGroupBytesFor(1024 * MB)).isEqualTo(64 * MB);
    assertThat(SinkSettings.rowGroupBytesFor(1536 * MB)).isEqualTo(64 * MB);
    assertThat(SinkSettings.rowGroupBytesFor(32 * MB)).isEqualTo(4 * MB);
  }
}
