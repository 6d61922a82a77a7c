package org.figstream.loadtest.harness;

import java.util.List;
import java.util.Map;

/**
 * The app's counters and the process's memory and CPU at one moment of a run.
 *
 * @param seconds since the run started
 * @param lag records committed on the stages' inputs and not yet processed (sum over groups)
 * @param heapLive old-generation bytes live after the last GC ({@code jvm_gc_live_data_size})
 * @param cpuSeconds the figstream process's user + system CPU time
 * @param stageSeconds time spent in each stage so far, from {@code figstream_stage_duration}
 * @param rocksDbUsed bytes the RocksDB stores hold in their shared cache and memtables, and {@code
 *     rocksDbLimit} the bound they share ({@code figstream_rocksdb_memory_*_bytes})
 * @param modelCalls batches each encoder's batcher has run so far, and {@code modelInputs} the
 *     inputs in them ({@code figstream_embedding_batch_size}): how full the batches were
 */
record Sample(
    double seconds,
    double announced,
    double passes,
    double articles,
    double figures,
    double deadLetters,
    double lag,
    double heapUsed,
    double heapLive,
    double rss,
    double cpuSeconds,
    Map<String, Double> stageSeconds,
    double rocksDbUsed,
    double rocksDbLimit,
    Map<String, Double> modelCalls,
    Map<String, Double> modelInputs) {

  /**
   * The meters {@link #of} reads: the harness asks for these only ({@code name[]}). It scrapes
   * every second, and a full scrape cost the app about 0.03 CPU-s each (0.024 on the endpoint's
   * thread, against 0.012 for these).
   */
  static final List<String> METERS =
      List.of(
          "figstream_feed_announcements_total",
          "figstream_feed_passes_total",
          "figstream_enrichment_articles_total",
          "figstream_enrichment_figures_total",
          "figstream_dead_letters_total",
          "figstream_lag",
          "jvm_memory_used_bytes",
          "jvm_gc_live_data_size_bytes",
          "figstream_stage_duration_seconds",
          "figstream_rocksdb_memory_used_bytes",
          "figstream_rocksdb_memory_limit_bytes",
          "figstream_embedding_batch_size");

  /** The scrape URL that asks for {@link #METERS} only. */
  static String scrapeUrl(String metricsUrl) {
    return metricsUrl + "?name%5B%5D=" + String.join("&name%5B%5D=", METERS);
  }

  static Sample of(double seconds, MetricsScrape m, ProcessStats.Reading process) {
    return new Sample(
        seconds,
        m.sum("figstream_feed_announcements_total"),
        m.sum("figstream_feed_passes_total"),
        m.sum("figstream_enrichment_articles_total", l -> l.contains("outcome=\"enriched\"")),
        m.sum("figstream_enrichment_figures_total"),
        m.sum("figstream_dead_letters_total"),
        m.series().entrySet().stream()
            .filter(e -> e.getKey().startsWith("figstream_lag{") && e.getValue() > 0)
            .mapToDouble(Map.Entry::getValue)
            .sum(),
        m.sum("jvm_memory_used_bytes", l -> l.contains("area=\"heap\"")),
        m.sum("jvm_gc_live_data_size_bytes"),
        process.rssBytes(),
        process.cpuSeconds(),
        m.byLabel("figstream_stage_duration_seconds_sum", "stage"),
        m.sum("figstream_rocksdb_memory_used_bytes"),
        m.sum("figstream_rocksdb_memory_limit_bytes"),
        m.byLabel("figstream_embedding_batch_size_count", "batcher"),
        m.byLabel("figstream_embedding_batch_size_sum", "batcher"));
  }
}
