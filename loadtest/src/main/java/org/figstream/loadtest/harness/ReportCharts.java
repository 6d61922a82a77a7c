package org.figstream.loadtest.harness;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's plots, drawn with JFreeChart as PNGs. */
final class ReportCharts {
  static final int WIDTH = 900;
  static final int HEIGHT = 420;

  /** Rates are taken over this many one-second samples, so that batch commits do not dominate. */
  static final int RATE_WINDOW = 5;

  static final List<Double> PERCENTILES = List.of(50.0, 90.0, 95.0, 99.0, 99.9, 100.0);

  private ReportCharts() {}

  /** Articles/s and figures/s enriched over time, and the offered rate. */
  static void throughput(RunResult r, Path file) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(rate("articles/s enriched", r.samples(), Sample::articles));
    data.addSeries(rate("figures/s enriched", r.samples(), Sample::figures));
    data.addSeries(rate("announcements/s", r.samples(), Sample::announced));
    if (!r.workload().backfill()) {
      XYSeries offered = new XYSeries("articles/s offered");
      offered.add(0, r.workload().rate());
      offered.add(r.last().seconds(), r.workload().rate());
      data.addSeries(offered);
    }
    overTime(r, "throughput (" + RATE_WINDOW + " s windows)", "per second", data, file);
  }

  static void lag(RunResult r, Path file) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("records not yet processed", r.samples(), Sample::lag));
    overTime(r, "consumer lag (all stages)", "records", data, file);
  }

  static void memory(RunResult r, Path file) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("heap used (MB)", r.samples(), s -> s.heapUsed() / (1 << 20)));
    data.addSeries(series("heap live after GC (MB)", r.samples(), s -> s.heapLive() / (1 << 20)));
    data.addSeries(series("RSS (MB)", r.samples(), s -> s.rss() / (1 << 20)));
    overTime(r, "memory (-Xmx" + r.workload().heap() + ")", "MB", data, file);
  }

  /** Latency percentiles, to figures and to the Parquet commit, in seconds. */
  static void latency(RunResult r, Path file) throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (double p : PERCENTILES) {
      String label = p == 100.0 ? "max" : "p" + LoadReport.number(p);
      data.addValue(seconds(r.toFigures(), p), "announcement to figures", label);
      data.addValue(seconds(r.toCommit(), p), "announcement to Parquet commit", label);
    }
    save(
        ChartFactory.createBarChart(
            r.workload().name() + ": end-to-end latency (warm-up excluded)",
            "percentile",
            "seconds",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false),
        file);
  }

  /** Each stage's share of the time the stages took. */
  static void stages(RunResult r, Path file) throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    Map<String, Double> stages = r.last().stageSeconds();
    double total = stages.values().stream().mapToDouble(Double::doubleValue).sum();
    stages.forEach((stage, s) -> data.addValue(total == 0 ? 0 : 100 * s / total, "share", stage));
    save(
        ChartFactory.createBarChart(
            r.workload().name() + ": time by stage (% of the stages' total)",
            "stage",
            "%",
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false),
        file);
  }

  static double seconds(Histogram h, double percentile) {
    if (h.getTotalCount() == 0) {
      return 0;
    }
    long ms = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
    return ms / 1000.0;
  }

  private static XYSeries series(String name, List<Sample> samples, ToDoubleFunction<Sample> f) {
    XYSeries s = new XYSeries(name);
    samples.forEach(x -> s.add(x.seconds(), f.applyAsDouble(x)));
    return s;
  }

  private static XYSeries rate(String name, List<Sample> samples, ToDoubleFunction<Sample> f) {
    XYSeries s = new XYSeries(name);
    for (int i = RATE_WINDOW; i < samples.size(); i += RATE_WINDOW) {
      Sample a = samples.get(i - RATE_WINDOW);
      Sample b = samples.get(i);
      double dt = b.seconds() - a.seconds();
      s.add(b.seconds(), dt <= 0 ? 0 : (f.applyAsDouble(b) - f.applyAsDouble(a)) / dt);
    }
    return s;
  }

  private static void overTime(
      RunResult r, String title, String unit, XYSeriesCollection data, Path file)
      throws IOException {
    save(
        ChartFactory.createXYLineChart(
            r.workload().name() + ": " + title, "seconds since the app was up", unit, data),
        file);
  }

  private static void save(JFreeChart chart, Path file) throws IOException {
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }
}
