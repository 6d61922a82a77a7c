package org.figstream.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrapeFilterTest {
  @Test
  void shouldReadEveryNameParameterWithAndWithoutItsSampleSuffix() {
    assertThat(
            ScrapeFilter.names(
                "/metrics?name[]=figstream_lag&name%5B%5D=figstream_enrichment_figures_total"
                    + "&name[]=figstream_stage_duration_seconds_sum&other=x"))
        .containsExactly(
            "figstream_lag",
            "figstream_enrichment_figures_total",
            "figstream_enrichment_figures",
            "figstream_stage_duration_seconds_sum",
            "figstream_stage_duration_seconds");
  }

  @Test
  void shouldTakeATimersMaximumAsAFamilyOfItsOwn() {
    // stripping _max would bring the timer's count and sum along, which were not asked for
    assertThat(ScrapeFilter.names("/metrics?name[]=figstream_stage_duration_seconds_max"))
        .containsExactly("figstream_stage_duration_seconds_max");
  }

  @Test
  void shouldAskForEverythingWithoutNamesOrWithBlankOnes() {
    assertThat(ScrapeFilter.names("/metrics")).isEmpty();
    assertThat(ScrapeFilter.names("/metrics?name[]=&name[]=%20")).isEmpty();
    assertThat(ScrapeFilter.names("/metrics?names=figstream_lag")).isEmpty();
  }
}
