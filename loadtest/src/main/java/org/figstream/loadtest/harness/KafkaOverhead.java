package org.figstream.loadtest.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.figstream.connectors.feed.sample.StoredObject;
import org.figstream.loadtest.generate.GeneratedBucket;

/**
 * The cost of Kafka: a backfill workload's articles through the same stages in memory ({@code
 * figstream enrich} on the files) and through the pipeline ({@code figstream run}, embedded
 * broker), in one run; the ratio of their figures/s. {@code enrich} times its annotation pass only
 * (the XML is extracted before its clock starts), the pipeline everything from the first
 * announcement to caught up: the ratio is, if anything, harsh on the pipeline. It is given again in
 * full flow (each side from a quarter of its figures to nine tenths), without either side's JIT
 * warm-up and tail. Where the pipeline spends more goes to {@code thread-cpu.md}: each child's
 * CPU-s per figure by thread group.
 *
 * <pre>
 * java -cp 'loadtest/target/figstream-loadtest.jar:loadtest/target/lib/*' \
 *   org.figstream.loadtest.harness.KafkaOverhead loadtest/workloads/backfill.yaml RESULTS_DIR
 * </pre>
 */
public final class KafkaOverhead {
  private static final Pattern ENRICH =
      Pattern.compile("enrich: (\\d+) articles, (\\d+) figures, .* in (\\d+) ms");

  private KafkaOverhead() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Workload w = Workload.read(Path.of(args[0]));
    Path dir = Path.of(args[1]);
    Path corpus = export(w, dir.resolve("corpus"));
    Matcher m;
    EnrichFlow flow;
    RunResult run;
    String cpu;
    try (ChildThreadCpu threads = new ChildThreadCpu()) {
      flow = new EnrichFlow();
      m = enrich(w, corpus, dir.resolve("enrich"), flow);
      run = LoadHarness.run(w, dir.resolve("run"), System.out);
      cpu =
          ChildThreadCpu.table(
              threads.of("enrich"),
              Long.parseLong(m.group(2)),
              threads.of("run"),
              Math.round(run.last().figures()));
    }
    double enrichRate = Long.parseLong(m.group(2)) * 1000.0 / Long.parseLong(m.group(3));
    LoadReport.write(run, dir.resolve("run/report"));
    // both children's whole lives, start-up (models, broker) included, by thread group
    Files.writeString(dir.resolve("thread-cpu.md"), cpu);
    System.out.print("kafka overhead: CPU-s per figure by thread group\n" + cpu);
    double first = firstEnrichment(run);
    double pipelineRate = run.last().figures() / (run.caughtUpSeconds() - first);
    System.out.printf(
        Locale.ROOT,
        "kafka overhead: enrich %s articles, %s figures in %s ms: %.2f figures/s; pipeline %.0f"
            + " figures in %.1f s (from its first announcement to caught up): %.2f figures/s;"
            + " ratio %.2f (target >= 0.85)%n",
        m.group(1),
        m.group(2),
        m.group(3),
        enrichRate,
        run.last().figures(),
        run.caughtUpSeconds() - first,
        pipelineRate,
        pipelineRate / enrichRate);
    // both without their JIT warm-up and tails, as a live pipeline runs for days
    System.out.printf(
        Locale.ROOT,
        "kafka overhead: in full flow (a quarter to nine tenths of each side's figures): enrich"
            + " %.2f figures/s, %.3f CPU-s a figure; pipeline %.2f figures/s, %.3f CPU-s a"
            + " figure; ratio %.2f%n",
        flow.steadyFiguresPerSecond(),
        flow.steadyCpuSecondsPerFigure(),
        run.steadyFiguresPerSecond(),
        run.steadyCpuSecondsPerFigure(),
        run.steadyFiguresPerSecond() / flow.steadyFiguresPerSecond());
  }

  /** Seconds into the run of the first sample with an announcement. */
  static double firstEnrichment(RunResult run) {
    return run.samples().stream()
        .filter(s -> s.announced() > 0)
        .mapToDouble(Sample::seconds)
        .findFirst()
        .orElse(0);
  }

  /** Every version folder of the corpus's last day, as files: what {@code enrich} reads. */
  static Path export(Workload w, Path dir) throws IOException {
    GeneratedBucket bucket = new GeneratedBucket(w.generator(), 1L << 30);
    for (Map.Entry<String, StoredObject> e : bucket.objects(bucket.days()).entrySet()) {
      String key = e.getKey();
      if (key.startsWith("PMC") && !key.endsWith(".json")) {
        Path file = dir.resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, e.getValue().bytes());
      }
    }
    return dir;
  }

  private static Matcher enrich(Workload w, Path corpus, Path dir, EnrichFlow flow)
      throws Exception {
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1536m");
    command.addAll(FigstreamChild.jvmOptions(w)); // the pipeline's collector and options
    command.addAll(List.of("-jar", FigstreamChild.appJar().toString(), "enrich"));
    command.addAll(List.of(corpus.toString(), "--data-dir", dir.resolve("data").toString()));
    Path log = dir.resolve("enrich.log");
    Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
    flow.follow(p);
    if (!p.waitFor(60, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("enrich did not finish in an hour");
    }
    flow.awaitEnd();
    Matcher m = ENRICH.matcher(Files.readString(log));
    if (!m.find()) {
      throw new IllegalStateException("enrich printed no summary:\n" + Files.readString(log));
    }
    return m;
  }
}
