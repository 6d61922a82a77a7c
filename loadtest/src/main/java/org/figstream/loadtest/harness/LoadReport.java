package org.figstream.loadtest.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A run's report: {@code report.md} with the figures, the PNG plots beside it, every sample as
 * {@code samples.csv} and each latency histogram as HdrHistogram's percentile distribution.
 */
final class LoadReport {
  private LoadReport() {}

  /** Writes the report into {@code dir}; the markdown file's path. */
  static Path write(RunResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    ReportCharts.throughput(r, dir.resolve("throughput.png"));
    ReportCharts.lag(r, dir.resolve("lag.png"));
    ReportCharts.latency(r, dir.resolve("latency.png"));
    ReportCharts.stages(r, dir.resolve("stages.png"));
    ReportCharts.memory(r, dir.resolve("memory.png"));
    distribution(r.toFigures(), dir.resolve("latency-to-figures.hgrm"));
    distribution(r.toCommit(), dir.resolve("latency-to-commit.hgrm"));
    Files.writeString(dir.resolve("samples.csv"), csv(r), StandardCharsets.UTF_8);
    Path md = dir.resolve("report.md");
    Files.writeString(md, markdown(r), StandardCharsets.UTF_8);
    return md;
  }

  static String markdown(RunResult r) {
    Sample last = r.last();
    StringBuilder b = new StringBuilder();
    b.append("# Load run: ").append(r.workload().name()).append("\n\n");
    if (r.workload().description() != null) {
      b.append(r.workload().description().strip()).append("\n\n");
    }
    line(
        b,
        "Machine: %s; load average %s at the start, %s at the end.",
        r.machine(),
        number(r.loadAverages().get("start")),
        number(r.loadAverages().get("end")));
    line(
        b,
        "Corpus: %d articles (seed %d), %d inventory days of %d articles; made in %.1f s before"
            + " the run.",
        r.workload().articles(),
        r.workload().seed(),
        r.days(),
        r.workload().articlesPerDay(),
        r.generationSeconds());
    b.append("\n| measure | value |\n|---|---|\n");
    row(b, "offered", r.offered());
    row(b, "caught up after", String.format(Locale.ROOT, "%.1f s", r.caughtUpSeconds()));
    row(
        b,
        "announcements",
        String.format(
            Locale.ROOT,
            "%.0f (the corpus has %d versions and changes; the feed reads the newest inventory,"
                + " so the changes of days it did not read on their own arrive merged)",
            last.announced(),
            r.expectedAnnouncements()));
    row(
        b,
        "achieved",
        String.format(
            Locale.ROOT,
            "%.2f articles/s, %.2f figures/s",
            r.articlesPerSecond(),
            r.figuresPerSecond()));
    row(
        b,
        "articles, figures enriched",
        String.format(Locale.ROOT, "%.0f, %.0f", last.articles(), last.figures()));
    row(
        b,
        "figure records on figures",
        r.upserts()
            + " upserts, "
            + r.tombstones()
            + " tombstones, "
            + r.livePairs().size()
            + " live pairs at the end");
    row(b, "dead letters", String.format(Locale.ROOT, "%.0f", last.deadLetters()));
    row(
        b,
        "CPU",
        String.format(
            Locale.ROOT,
            "%.1f s in all; %.3f CPU-s per figure after start-up, %.3f in full flow (from a"
                + " quarter of the figures done to nine tenths, %.2f cores busy)",
            last.cpuSeconds(),
            r.cpuSecondsPerFigure(),
            r.steadyCpuSecondsPerFigure(),
            r.steadyCoresBusy()));
    row(
        b,
        "heap live after GC, max",
        mb(r.samples().stream().mapToDouble(Sample::heapLive).max().orElse(0)));
    row(b, "peak RSS", mb(r.peakRss()));
    row(
        b,
        "RocksDB memory, max used / bound",
        mb(r.samples().stream().mapToDouble(Sample::rocksDbUsed).max().orElse(0))
            + " / "
            + mb(r.samples().stream().mapToDouble(Sample::rocksDbLimit).max().orElse(0)));
    row(b, "figstream exit on SIGTERM", String.valueOf(r.exitCode()));
    b.append("\n## Latency (warm-up of ").append(r.workload().warmup()).append(" excluded)\n\n");
    b.append("| from the announcement to | records | p50 | p95 | p99 | p99.9 | max |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    latencyRow(b, "the record on figures", r.toFigures());
    latencyRow(b, "its Parquet commit", r.toCommit());
    b.append("\n## Time by stage\n\n| stage | seconds | share |\n|---|---|---|\n");
    Map<String, Double> stages = last.stageSeconds();
    double total = stages.values().stream().mapToDouble(Double::doubleValue).sum();
    stages.forEach(
        (stage, s) ->
            row(
                b,
                stage,
                String.format(Locale.ROOT, "%.1f | %.1f%%", s, total == 0 ? 0 : 100 * s / total)));
    modelCalls(b, last);
    // the JIT's warm-up shows in the first tenths; a long backfill runs at the later ones
    b.append(
        "\n## CPU per figure by tenth of the figures\n\n| figures done | CPU-s per figure |\n");
    b.append("|---|---|\n");
    for (int tenth = 0; tenth < 10; tenth++) {
      row(
          b,
          String.format(Locale.ROOT, "%d-%d%%", 10 * tenth, 10 * tenth + 10),
          String.format(
              Locale.ROOT, "%.3f", r.cpuSecondsPerFigure(tenth / 10.0, (tenth + 1) / 10.0)));
    }
    b.append(
        "\n![throughput](throughput.png)\n\n![lag](lag.png)\n\n![latency](latency.png)\n\n"
            + "![stages](stages.png)\n\n![memory](memory.png)\n");
    return b.toString();
  }

  private static void latencyRow(StringBuilder b, String what, Histogram h) {
    b.append("| ").append(what).append(" | ").append(h.getTotalCount());
    for (double p : new double[] {50, 95, 99, 99.9, 100}) {
      b.append(String.format(Locale.ROOT, " | %.1f s", ReportCharts.seconds(h, p)));
    }
    b.append(" |\n");
  }

  private static String csv(RunResult r) {
    StringBuilder b =
        new StringBuilder(
            "seconds,announced,articles,figures,dead_letters,lag,"
                + "heap_used,heap_live,rss,cpu_seconds,rocksdb_used\n");
    for (Sample s : r.samples()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%.1f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.2f,%.0f%n",
              s.seconds(),
              s.announced(),
              s.articles(),
              s.figures(),
              s.deadLetters(),
              s.lag(),
              s.heapUsed(),
              s.heapLive(),
              s.rss(),
              s.cpuSeconds(),
              s.rocksDbUsed()));
    }
    return b.toString();
  }

  private static void distribution(Histogram h, Path file) throws IOException {
    try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.UTF_8)) {
      h.outputPercentileDistribution(out, 1000.0); // in seconds
    }
  }

  private static void line(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args)).append("\n");
  }

  private static void row(StringBuilder b, String measure, String value) {
    b.append("| ").append(measure).append(" | ").append(value).append(" |\n");
  }

  static String mb(double bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / (1 << 20));
  }

  static String number(Double d) {
    if (d == null || d.isNaN()) {
      return "n/a";
    }
    return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
  }

  /**
   * How full the encoders' batches were: a live run's arrivals between passes may make them smaller
   * than a backfill's, and a model call has a fixed cost.
   */
  private static void modelCalls(StringBuilder b, Sample last) {
    if (last.modelCalls().isEmpty()) {
      return;
    }
    b.append(
        "\n## Model calls\n\n| batcher | batches | inputs | inputs a batch |\n|---|---|---|---|\n");
    last.modelCalls()
        .forEach(
            (batcher, calls) -> {
              double inputs = last.modelInputs().getOrDefault(batcher, 0.0);
              row(
                  b,
                  batcher,
                  String.format(
                      Locale.ROOT,
                      "%.0f | %.0f | %.2f",
                      calls,
                      inputs,
                      calls == 0 ? 0 : inputs / calls));
            });
  }
}
