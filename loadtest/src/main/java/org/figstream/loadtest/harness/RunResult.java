package org.figstream.loadtest.harness;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured.
 *
 * @param machine cores and load average, as the report states them
 * @param generationSeconds time to make the corpus before the run (not part of the run)
 * @param caughtUpSeconds from the app being up to everything offered processed
 * @param toFigures latency from announcement to the record visible on figures (ms), warm-up
 *     excluded
 * @param toCommit latency from announcement to the Parquet commit that holds the record (ms)
 * @param peakRss the figstream process's peak resident memory (VmHWM)
 */
record RunResult(
    Workload workload,
    String machine,
    double generationSeconds,
    int days,
    long expectedAnnouncements,
    double caughtUpSeconds,
    List<Sample> samples,
    Histogram toFigures,
    Histogram toCommit,
    long upserts,
    java.util.Set<String> livePairs,
    long tombstones,
    double peakRss,
    int exitCode,
    Map<String, Double> loadAverages) {

  Sample last() {
    return samples.get(samples.size() - 1);
  }

  /** Articles enriched per second over the run, from the app's counter. */
  double articlesPerSecond() {
    return last().articles() / caughtUpSeconds;
  }

  double figuresPerSecond() {
    return last().figures() / caughtUpSeconds;
  }

  /** The offered rate: the workload's, or for a backfill everything at once. */
  String offered() {
    return workload.backfill()
        ? "backfill (" + workload.articles() + " articles at once)"
        : String.format(java.util.Locale.ROOT, "%.2f articles/s", workload.rate());
  }

  /** CPU from the first sample (the app up, models loaded) to the last, per figure enriched. */
  double cpuSecondsPerFigure() {
    double cpu = last().cpuSeconds() - samples.get(0).cpuSeconds();
    return last().figures() == 0 ? Double.NaN : cpu / last().figures();
  }
}
