package org.figstream.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

class PerceptualBlocksTest {

  /**
   * Any hash {@code distance} bits away (the farthest that still counts) is listed under a key that
   * the lookup reads: the pigeonhole argument, checked on generated hashes and bit sets for every
   * distance the CLI allows. A hash is listed under the first probe of each block, its own value.
   */
  @Property(tries = 1000)
  void shouldLookUpAKeyOfEveryHashWithinTheDistance(
      @ForAll long hash,
      @ForAll @IntRange(min = 0, max = 32) int distance,
      @ForAll @Size(max = 32) @UniqueElements
          java.util.List<@IntRange(min = 0, max = 63) Integer> bits) {
    long other = hash;
    for (int bit : bits.subList(0, Math.min(distance, bits.size()))) {
      other ^= 1L << bit;
    }
    PerceptualBlocks cut = PerceptualBlocks.forDistance(distance);
    String[][] probes = cut.probes(hash);
    String[][] listedUnder = cut.probes(other);
    boolean found = false;
    for (int block = 0; block < cut.blocks(); block++) {
      found |= Arrays.asList(probes[block]).contains(listedUnder[block][0]);
    }
    assertThat(found).isTrue();
  }

  @Test
  void shouldCutTheDefaultDistanceIntoFourSixteenBitBlocksSearchedOneBitWide() {
    PerceptualBlocks cut = PerceptualBlocks.forDistance(DedupSettings.DEFAULTS.maxDistance());

    assertThat(cut).isEqualTo(new PerceptualBlocks(4, 1));
    String[][] probes = cut.probes(0x0123_4567_89ab_cdefL);
    assertThat(probes).hasNumberOfRows(4);
    assertThat(probes[0][0]).isEqualTo("4:0:cdef");
    assertThat(probes[3][0]).isEqualTo("4:3:123");
    assertThat(probes[0]).hasSize(17).contains("4:0:cdee", "4:0:4def").doesNotHaveDuplicates();
  }

  @Test
  void shouldLookUpOneKeyABlockWhereTheDistanceLeavesNoRadius() {
    PerceptualBlocks cut = PerceptualBlocks.forDistance(3);

    assertThat(cut).isEqualTo(new PerceptualBlocks(4, 0));
    assertThat(Arrays.stream(cut.probes(-1L)).mapToInt(block -> block.length))
        .containsExactly(1, 1, 1, 1);
  }

  @Test
  void shouldListEveryValueWithinTheRadiusOnce() {
    PerceptualBlocks cut = new PerceptualBlocks(4, 2);
    String[] keys = cut.probes(42L)[1];

    assertThat(keys).hasSize(1 + 16 + 120).doesNotHaveDuplicates();
    assertThat(PerceptualBlocks.within(16, 2)).isEqualTo(137);
  }

  @Test
  void shouldReadTheKeysTheCliDocumentsAFigure() {
    long hash = 0x0123_4567_89ab_cdefL;
    int[] distances = {6, 10, 12, 15, 32};
    int[] keys = new int[distances.length];
    for (int i = 0; i < distances.length; i++) {
      keys[i] =
          Arrays.stream(PerceptualBlocks.forDistance(distances[i]).probes(hash))
              .mapToInt(block -> block.length)
              .sum();
    }

    assertThat(keys).containsExactly(68, 548, 2788, 2788, 18894);
  }
}
