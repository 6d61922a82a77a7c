package org.figstream.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class NearListTest {

  /**
   * The in-place scan finds what splitting the list into lines and parsing each finds ({@link
   * SplitScan}), on generated lists whose hashes lie a few bits from the one looked up.
   */
  @Property(tries = 500)
  void shouldFindWhatParsingEveryLineFinds(
      @ForAll long hash,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 63) Integer> flips,
      @ForAll @IntRange(min = 0, max = 39) int selfAt,
      @ForAll @IntRange(min = 1, max = 12) int below) {
    List<String> lines = new ArrayList<>();
    long other = hash;
    for (int i = 0; i < flips.size(); i++) {
      other ^= 1L << flips.get(i);
      lines.add("doi:10.1371/journal.pone.00" + i + "/g" + i + "/1=" + Long.toHexString(other));
    }
    String self = lines.get(selfAt % lines.size()).split("=")[0];
    String listed = String.join("\n", lines);

    NearList.Match got = NearList.nearest(listed, hash, self, below, p -> true);

    assertThat(got).isEqualTo(SplitScan.nearest(listed, hash, self, below));
    assertThat(NearList.lists(listed, self)).isTrue();
    assertThat(NearList.lists(listed, self + "x")).isFalse();
  }

  @Test
  void shouldTakeTheFirstOfEquallyNearPairsAndPassOverItself() {
    String listed = "a/1=ff\nb/1=fe\nc/1=fd\nd/1=0";

    // ff is 0 bits from 0xff but is the figure itself; fe and fd are both 1 bit away
    assertThat(NearList.nearest(listed, 0xffL, "a/1", 7, p -> true))
        .isEqualTo(new NearList.Match("b/1", 1));
    assertThat(NearList.nearest(listed, 0xffL, "a/1", 1, p -> true)).isNull();
    assertThat(NearList.nearest("a/1=ff", 0xffL, "a/1", 7, p -> true)).isNull();
    assertThat(NearList.lists(listed, "d/1")).isTrue();
    assertThat(NearList.lists(listed, "d")).isFalse();
  }

  @Test
  void shouldDropAPairsLinesFromAList() {
    assertThat(NearList.without("a/1=ff\nb/1=fe\nc/1=fd", "b/1")).isEqualTo("a/1=ff\nc/1=fd");
    assertThat(NearList.without("a/1=ff\nb/1=fe", "a/1")).isEqualTo("b/1=fe");
    assertThat(NearList.without("a/1=ff\nb/1=fe", "b")).isEqualTo("a/1=ff\nb/1=fe");
    assertThat(NearList.without("a/1=ff", "a/1")).isNull();
  }

  @Test
  void shouldPassOverPairsThatAreNotLive() {
    String listed = "a/1=ff\nb/1=fe\nc/1=fc";

    assertThat(NearList.nearest(listed, 0xffL, "x", 7, p -> !p.equals("a/1")))
        .isEqualTo(new NearList.Match("b/1", 1));
    assertThat(NearList.nearest(listed, 0xffL, "x", 7, p -> p.equals("c/1")))
        .isEqualTo(new NearList.Match("c/1", 2));
    assertThat(NearList.nearest(listed, 0xffL, "x", 7, p -> false)).isNull();
  }

  @Test
  void shouldRefuseALineWithoutAHash() {
    assertThatThrownBy(() -> NearList.nearest("a/1=ff\nb/1", 0, "x", 7, p -> true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without a hash");
    assertThatThrownBy(() -> NearList.nearest("a/1=fg", 0, "x", 7, p -> true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a 64-bit hex hash");
  }
}
