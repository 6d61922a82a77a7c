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

  /** Where "full flow" starts and ends: shares of a run's figures done ({@link EnrichFlow} too). */
  static final double FLOW_FROM = 0.25;

  static final double FLOW_TO = 0.90;

  /**
   * CPU per figure while the run was in full flow: from the sample where a quarter of the figures
   * were done to the one where nine tenths were. It leaves out the JIT's warm-up and the run's
   * tail, which a backfill of hours spreads thin; NaN where the run is too short to tell.
   */
  double steadyCpuSecondsPerFigure() {
    return cpuSecondsPerFigure(FLOW_FROM, FLOW_TO);
  }

  /**
   * CPU per figure between the samples where these shares of the run's figures were first done (0.1
   * and 0.2: the second tenth); NaN where no figure was done in between.
   */
  double cpuSecondsPerFigure(double fromShare, double toShare) {
    Sample[] w = window(fromShare, toShare);
    return w == null
        ? Double.NaN
        : (w[1].cpuSeconds() - w[0].cpuSeconds()) / (w[1].figures() - w[0].figures());
  }

  /** Cores figstream kept busy in full flow (CPU-seconds a second); NaN as above. */
  double steadyCoresBusy() {
    Sample[] w = window(FLOW_FROM, FLOW_TO);
    return w == null
        ? Double.NaN
        : (w[1].cpuSeconds() - w[0].cpuSeconds()) / (w[1].seconds() - w[0].seconds());
  }

  /** Figures a second in full flow; NaN as above. */
  double steadyFiguresPerSecond() {
    Sample[] w = window(FLOW_FROM, FLOW_TO);
    return w == null
        ? Double.NaN
        : (w[1].figures() - w[0].figures()) / (w[1].seconds() - w[0].seconds());
  }

  /** The first samples reaching these shares of the figures; null with no figure between them. */
  private Sample[] window(double fromShare, double toShare) {
    Sample from = firstReaching(fromShare);
    Sample to = firstReaching(toShare);
    if (from == null || to == null || to.figures() <= from.figures()) {
      return null;
    }
    return new Sample[] {from, to};
  }

  private Sample firstReaching(double share) {
    double target = share * last().figures();
    return samples.stream().filter(s -> s.figures() >= target).findFirst().orElse(null);
  }
}
