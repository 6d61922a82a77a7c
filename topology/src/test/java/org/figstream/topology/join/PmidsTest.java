package org.figstream.topology.join;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PmidsTest {

  @Test
  void shouldKeepADigitsOnlyPmidTrimmed() {
    assertThat(Pmids.normalise("29768149")).isEqualTo("29768149");
    assertThat(Pmids.normalise(" 29768149\n")).isEqualTo("29768149");
  }

  @Test
  void shouldTakeAnythingElseForNoPmid() {
    assertThat(Pmids.normalise(null)).isNull();
    assertThat(Pmids.normalise("")).isNull();
    assertThat(Pmids.normalise("  ")).isNull();
    assertThat(Pmids.normalise("PMID:29768149")).isNull();
    assertThat(Pmids.normalise("2976 8149")).isNull();
    assertThat(Pmids.normalise("29768149a")).isNull();
    assertThat(Pmids.normalise("-1")).isNull();
    // Unicode digits are not PMIDs either
    assertThat(Pmids.normalise("\u0662\u0669")).isNull();
  }
}
