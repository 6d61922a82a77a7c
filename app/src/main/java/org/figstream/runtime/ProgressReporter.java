package org.figstream.runtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.figstream.runtime.ops.OpsMetrics;
import org.figstream.topology.enrich.EnrichmentStage;

/**
 * A line on stderr every few seconds while the pipeline runs: what an operator watching a backfill
 * wants to see (announcements, throughput, totals, dead letters, how far behind), from the same
 * meters Prometheus scrapes. The lag of each input is also a gauge, {@code
 * figstream.lag{group,topic}}.
 */
public final class ProgressReporter implements AutoCloseable {
  public static final String LAG_METRIC = "figstream.lag";

  private final Pipeline pipeline;
  private final Lag lagProbe;
  private final MeterRegistry metrics;
  private final PrintWriter err;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "figstream-progress");
            t.setDaemon(true);
            return t;
          });
  private final Map<Lag.Input, AtomicLong> lags = new LinkedHashMap<>();
  private long lastArticles;
  private long lastNanos = System.nanoTime();

  public ProgressReporter(Pipeline pipeline, MeterRegistry metrics, PrintWriter err) {
    this.pipeline = pipeline;
    this.lagProbe = pipeline.lagProbe();
    this.metrics = metrics;
    this.err = err;
    for (Lag.Input input : Pipeline.INPUTS) {
      AtomicLong lag = new AtomicLong(-1);
      lags.put(input, lag);
      Gauge.builder(LAG_METRIC, lag, AtomicLong::get)
          .tags("group", input.group(), "topic", input.topic())
          .register(metrics);
    }
  }

  public ProgressReporter start(Duration every) {
    timer.scheduleAtFixedRate(
        this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Articles and figures through enrichment, dead letters from every stage. */
  public long total(String meter) {
    return (long) OpsMetrics.sum(metrics, meter);
  }

  void report() {
    String lag;
    try {
      Map<Lag.Input, Long> now = lagProbe.byInput(Pipeline.INPUTS);
      now.forEach((input, left) -> lags.get(input).set(left));
      lag = Long.toString(now.values().stream().mapToLong(Long::longValue).sum());
    } catch (Exception e) {
      lags.values().forEach(l -> l.set(-1)); // the cluster did not answer in time: no stale number
      lag = "unknown";
    }
    long articles = total(EnrichmentStage.ARTICLES_METRIC);
    long now = System.nanoTime();
    double rate = (articles - lastArticles) / Math.max(1e-9, (now - lastNanos) / 1e9);
    lastArticles = articles;
    lastNanos = now;
    err.println(
        String.format(
            Locale.ROOT,
            "progress: %d announced, %.1f articles/s, %d articles, %d figures, %d dead letters, lag %s%s, %s",
            total(Pipeline.ANNOUNCEMENTS_METRIC),
            rate,
            articles,
            total(EnrichmentStage.FIGURES_METRIC),
            total(EnrichmentStage.DEAD_LETTERS_METRIC),
            lag,
            waiting(),
            pipeline.state()));
    err.flush();
  }

  private String waiting() {
    int partitions = pipeline.waitingForSource();
    return partitions == 0
        ? ""
        : " ("
            + partitions
            + (partitions == 1 ? " partition" : " partitions")
            + " waiting for the source)";
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(10, TimeUnit.SECONDS); // the probe is the timer thread's; close it after
    lagProbe.close();
  }
}
