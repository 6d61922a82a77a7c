package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.figstream.records.Taxonomy;

/** Checks a figure's global labels as the enrich command prints them. */
final class GlobalLabels {
  private GlobalLabels() {}

  /**
   * {@code k} ranked candidates, after an {@code Ambiguous} answer where the labeller is unsure,
   * which scores the chance (1 - top) that the first candidate is wrong.
   */
  static void assertTopK(JsonNode global, int k) {
    boolean unsure = global.get(0).get("concept").asText().equals(Taxonomy.AMBIGUOUS);
    assertThat(global).hasSize(unsure ? k + 1 : k);
    if (unsure) {
      assertThat(global.get(0).get("score").asDouble())
          .isCloseTo(1 - global.get(1).get("score").asDouble(), within(1e-6));
      assertThat(global.get(1).get("score").asDouble()).isLessThan(0.5);
    }
  }
}
