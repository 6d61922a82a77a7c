package org.figstream.loadtest.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsScrapeTest {
  private static final String TEXT =
      String.join(
          "\n",
          "# HELP figstream_lag Records committed on an input topic ...",
          "# TYPE figstream_lag gauge",
          "figstream_lag{group=\"figstream\",topic=\"article-versions\"} 3.0",
          "figstream_lag{group=\"figstream-enrichment\",topic=\"figstream-enrich-requests\"} -1.0",
          "figstream_enrichment_articles_total{outcome=\"enriched\"} 12.0",
          "figstream_enrichment_articles_total{outcome=\"dead-letter\"} 2.0",
          "figstream_stage_duration_seconds_sum{stage=\"fetch\"} 1.5",
          "figstream_stage_duration_seconds_sum{stage=\"embed\"} 4.25",
          "jvm_gc_live_data_size_bytes 1048576.0",
          "figstream_rocksdb_memory_used_bytes 2.5165824E7",
          "figstream_rocksdb_memory_limit_bytes 6.7108864E7",
          "figstream_embedding_batch_size_count{batcher=\"embed-image\"} 4.0",
          "figstream_embedding_batch_size_sum{batcher=\"embed-image\"} 30.0",
          // a full scrape has the max too; the harness asks only for the summary's family
          "figstream_embedding_batch_size_max{batcher=\"embed-image\"} 16.0",
          "figstream_embedding_batch_size_count{batcher=\"embed-text\"} 5.0",
          "figstream_embedding_batch_size_sum{batcher=\"embed-text\"} 31.0",
          "");

  @Test
  void shouldSumSeriesByNameAndLabels() {
    MetricsScrape m = MetricsScrape.parse(TEXT);
    assertThat(m.sum("figstream_enrichment_articles_total")).isEqualTo(14.0);
    assertThat(m.sum("figstream_enrichment_articles_total", l -> l.contains("\"enriched\"")))
        .isEqualTo(12.0);
    assertThat(m.sum("jvm_gc_live_data_size_bytes")).isEqualTo(1048576.0);
    assertThat(m.byLabel("figstream_stage_duration_seconds_sum", "stage"))
        .isEqualTo(Map.of("fetch", 1.5, "embed", 4.25));
  }

  @Test
  void shouldCountOnlyKnownLagInASample() {
    Sample s = Sample.of(1.0, MetricsScrape.parse(TEXT), new ProcessStats.Reading(2048, 4096, 7.5));
    // -1 means the cluster did not answer: not lag
    assertThat(s.lag()).isEqualTo(3.0);
    assertThat(s.articles()).isEqualTo(12.0);
    assertThat(s.heapLive()).isEqualTo(1048576.0);
    assertThat(s.cpuSeconds()).isEqualTo(7.5);
    assertThat(s.rocksDbUsed()).isEqualTo(25165824.0);
    assertThat(s.rocksDbLimit()).isEqualTo(67108864.0);
  }

  @Test
  void shouldReadHowFullTheEncodersBatchesWere() {
    Sample s = Sample.of(1.0, MetricsScrape.parse(TEXT), new ProcessStats.Reading(2048, 4096, 7.5));
    assertThat(s.modelCalls()).isEqualTo(Map.of("embed-image", 4.0, "embed-text", 5.0));
    assertThat(s.modelInputs()).isEqualTo(Map.of("embed-image", 30.0, "embed-text", 31.0));
  }
}
