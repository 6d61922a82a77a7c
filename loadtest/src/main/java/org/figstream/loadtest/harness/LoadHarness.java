package org.figstream.loadtest.harness;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.loadtest.generate.ArticlePlanner;
import org.figstream.loadtest.generate.GeneratedBucket;

/**
 * Runs a workload: generates its corpus, serves it through the bucket emulator, runs the real
 * {@code figstream run} as a child JVM on its embedded broker, publishes inventory days at the
 * workload's rate, samples the app's metrics every second and times every figure record, then
 * writes the report.
 *
 * <pre>
 * java -cp 'loadtest/target/figstream-loadtest.jar:loadtest/target/lib/*' \
 *   org.figstream.loadtest.harness.LoadHarness loadtest/workloads/live-100x.yaml [RESULTS_DIR]
 * </pre>
 */
public final class LoadHarness {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private LoadHarness() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Workload workload = Workload.read(Path.of(args[0]));
    Path dir =
        args.length > 1
            ? Path.of(args[1])
            : Path.of(
                "loadtest/results",
                workload.name()
                    + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")));
    RunResult result;
    Map<String, Double> threads;
    try (ChildThreadCpu cpu = new ChildThreadCpu()) {
      result = run(workload, dir, System.out);
      threads = cpu.of("run");
    }
    Path report = LoadReport.write(result, dir.resolve("report"));
    // figstream's whole life, start-up included, by thread group: where the CPU went
    Files.writeString(
        report.resolveSibling("thread-cpu.md"),
        ChildThreadCpu.table(threads, Math.round(result.last().figures())));
    System.out.println("load: report in " + report);
  }

  /** One run in {@code dir} (figstream's data, its log); the result for the report. */
  static RunResult run(Workload w, Path dir, PrintStream out) throws Exception {
    return run(w, dir, out, () -> {});
  }

  /** As {@link #run(Workload, Path, PrintStream)}, calling {@code started} as figstream starts. */
  static RunResult run(Workload w, Path dir, PrintStream out, Runnable started) throws Exception {
    Map<String, Double> load = new LinkedHashMap<>();
    load.put("start", loadAverage());
    long building = System.nanoTime();
    long cacheBytes = Math.max(1L << 30, w.articles() * (3L << 20));
    GeneratedBucket bucket = new GeneratedBucket(w.generator(), cacheBytes);
    bucket.objects(bucket.days()); // every day's objects and images made before the clock starts
    double generation = (System.nanoTime() - building) / 1e9;
    long expected = expectedAnnouncements(bucket.planner(), w.articles());
    out.printf(
        Locale.ROOT,
        "load: %s: %d articles in %d inventory days of %d, made in %.1f s; %d announcements"
            + " expected%n",
        w.name(),
        w.articles(),
        bucket.days(),
        w.articlesPerDay(),
        generation,
        expected);
    Faults faults = w.faults() > 0 ? Faults.all(w.faults(), w.seed()) : Faults.none();
    List<Sample> samples = new ArrayList<>();
    try (BucketEmulator emulator = BucketEmulator.start(bucket, 1, faults);
        FigstreamChild app = FigstreamChild.start(dir, w, emulator.baseUrl())) {
      started.run();
      String bootstrap = app.bootstrapServers(Duration.ofMinutes(3));
      String metricsUrl = app.metricsUrl(Duration.ofMinutes(3));
      long t0 = System.currentTimeMillis();
      ManifestProbe manifest = new ManifestProbe(dir.resolve("dataset"));
      try (LatencyProbe probe =
          new LatencyProbe(bootstrap, app.kafkaConfig(), t0 + w.warmupDuration().toMillis())
              .start()) {
        int published = 1;
        double passesAtLastPublish = 0;
        int quiet = 0;
        long deadline = t0 + w.timeoutDuration().toMillis();
        while (true) {
          Thread.sleep(1000);
          long now = System.currentTimeMillis();
          Sample s = sample(metricsUrl, app.pid(), (now - t0) / 1000.0);
          samples.add(s);
          while (published < bucket.days()
              && now >= t0 + published * w.publishInterval().toMillis()) {
            emulator.publishNextDay();
            published++;
            passesAtLastPublish = s.passes();
          }
          manifest.poll();
          // a pass that began before the last day was published may not have seen it: two more
          boolean done =
              published == bucket.days()
                  && s.passes() >= passesAtLastPublish + 2
                  && s.lag() == 0
                  && manifest.covers(probe.lastUpsertOffsets());
          quiet = done ? quiet + 1 : 0;
          if (quiet >= 3) {
            break;
          }
          if (now > deadline || !app.alive()) {
            throw new IllegalStateException(
                String.format(
                    Locale.ROOT,
                    "not caught up after %.0f s (%d of %d days published, %d of %d announcements,"
                        + " lag %.0f):%n%s",
                    (now - t0) / 1000.0,
                    published,
                    bucket.days(),
                    probe.announcements(),
                    expected,
                    s.lag(),
                    app.tail()));
          }
        }
        // the run ended at the first of the quiet samples
        double caughtUp = samples.get(samples.size() - 3).seconds();
        ProcessStats.Reading last = ProcessStats.read(app.pid());
        int exit = app.stop();
        load.put("end", loadAverage());
        out.printf(
            Locale.ROOT,
            "load: %s: caught up after %.1f s, %d figure upserts, %d tombstones; figstream exited"
                + " %d%n",
            w.name(),
            caughtUp,
            probe.upserts(),
            probe.tombstones(),
            exit);
        return new RunResult(
            w,
            machine(),
            generation,
            bucket.days(),
            expected,
            caughtUp,
            List.copyOf(samples),
            probe.toFigures(),
            probe.toCommit(manifest.commits()),
            probe.upserts(),
            probe.livePairs(),
            probe.tombstones(),
            last.peakRssBytes(),
            exit,
            load);
      }
    }
  }

  /**
   * One announcement per version 1, and one more per change: a version 2, a retraction, a removal.
   */
  static long expectedAnnouncements(ArticlePlanner planner, int articles) {
    long n = 0;
    for (int i = 0; i < articles; i++) {
      n += planner.fate(i) == ArticlePlanner.Fate.NONE ? 1 : 2;
    }
    return n;
  }

  private static Sample sample(String metricsUrl, long pid, double seconds) throws Exception {
    String text =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(Sample.scrapeUrl(metricsUrl)))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return Sample.of(seconds, MetricsScrape.parse(text), ProcessStats.read(pid));
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " cores, "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", Java "
        + System.getProperty("java.version");
  }
}
