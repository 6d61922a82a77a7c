package org.figstream.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code figstream run} as its own JVM ({@code org.figstream.cli.Main}), its stdout and stderr
 * in {@code <id>.log}: what a pod of a deployment is.
 */
final class FigstreamProcess {
  private static final Pattern METRICS = Pattern.compile("metrics at (http://\\S+/metrics)");
  private static final Pattern PROGRESS =
      Pattern.compile("progress: .*?articles/s, (\\d+) articles");
  private static final Pattern SUMMARY = Pattern.compile("\\(this run: (\\d+) articles");
  private static final Pattern ENRICHED =
      Pattern.compile(
          "^figstream_enrichment_articles_total\\{[^}]*\\} ([0-9.E]+)", Pattern.MULTILINE);

  final String id;
  final boolean feed;
  private final Path log;
  private final Process process;
  private final long started = System.nanoTime();
  private long lastSeenArticles;

  private FigstreamProcess(String id, boolean feed, Path log, Process process) {
    this.id = id;
    this.feed = feed;
    this.log = log;
    this.process = process;
  }

  /**
   * {@code figstream run --sample} on the cluster of {@code kafkaConfig}: with the feed, the
   * dataset sink (under {@code <dir>/<id>/dataset}) and {@code --until-caught-up}, or without
   * either, following, until stopped.
   */
  static FigstreamProcess start(
      String id,
      boolean feed,
      Path dir,
      String classpath,
      Path sampleDir,
      Path kafkaConfig,
      int partitions,
      int dedupPartitions)
      throws IOException {
    return launch(
        id,
        feed,
        dir,
        classpath,
        sampleDir,
        "--kafka-config",
        kafkaConfig.toString(),
        "--create-topics",
        "--replication-factor",
        "3",
        "--partitions",
        String.valueOf(partitions),
        "--dedup-partitions",
        String.valueOf(dedupPartitions),
        "--instance-id",
        id,
        feed ? "--until-caught-up" : "--no-feed",
        "--dataset=" + feed);
  }

  /** {@code figstream run --sample --until-caught-up} on its own embedded broker. */
  static FigstreamProcess startEmbedded(String id, Path dir, String classpath, Path sampleDir)
      throws IOException {
    return launch(id, true, dir, classpath, sampleDir, "--until-caught-up");
  }

  /** The same, with the dataset sink on (Parquet under {@code <dir>/<id>/dataset}). */
  static FigstreamProcess startEmbeddedWithDataset(
      String id, Path dir, String classpath, Path sampleDir) throws IOException {
    return launch(id, true, dir, classpath, sampleDir, "--until-caught-up", "--dataset=true");
  }

  private static FigstreamProcess launch(
      String id, boolean feed, Path dir, String classpath, Path sampleDir, String... more)
      throws IOException {
    List<String> options = new ArrayList<>(List.of(more));
    if (options.stream().noneMatch(o -> o.startsWith("--dataset="))) {
      options.add("--dataset=false");
    }
    return launchWith(id, feed, dir, classpath, sampleDir, options);
  }

  private static FigstreamProcess launchWith(
      String id, boolean feed, Path dir, String classpath, Path sampleDir, List<String> more)
      throws IOException {
    Files.createDirectories(home(dir));
    Path log = dir.resolve(id + ".log");
    List<String> command = new ArrayList<>(List.of("bash", launcher().toString()));
    command.addAll(
        List.of(
            "run",
            "--sample",
            "--sample-dir",
            sampleDir.toString(),
            "--data-dir",
            dir.resolve(id).toString(),
            "--http-port",
            "0",
            "--progress-interval",
            "PT1S",
            // these runs are about restarts and clusters, not labels: the smaller caption model
            // starts in half e5's time, and every run of a test uses the same one
            "--text-model",
            "all-minilm-l6-v2"));
    command.addAll(more);
    // the README's launcher, on the packaged jar, with a home of its own that a test can find empty
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("FIGSTREAM_JAR", classpath);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("FIGSTREAM_JAVA_OPTS", String.join(" ", javaOptions(dir)));
    env.put("HOME", home(dir).toString());
    env.remove("ORT_DISABLE_TELEMETRY"); // the launcher's to set
    Process process = builder.redirectOutput(log.toFile()).start();
    return new FigstreamProcess(id, feed, log, process);
  }

  /** The home folder the processes started in {@code dir} get: nothing should be written there. */
  static Path home(Path dir) {
    return dir.resolve("home");
  }

  private static List<String> javaOptions(Path dir) {
    List<String> options = new ArrayList<>(List.of("-Xmx1536m", "-Duser.home=" + home(dir)));
    // DJL's caches are left to the CLI, which puts them under the data directory
    if (System.getProperty("ai.djl.offline") != null) {
      options.add("-Dai.djl.offline=" + System.getProperty("ai.djl.offline"));
    }
    return options;
  }

  /** ./figstream at the repository root, found upwards from the working directory. */
  static Path launcher() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("figstream")) && Files.isRegularFile(p.resolve("mvnw"))) {
        return p.resolve("figstream");
      }
    }
    throw new IllegalStateException(
        "no ./figstream launcher above " + Path.of("").toAbsolutePath());
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Waits for the exit of a --until-caught-up run; its exit code. */
  int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "figstream " + id + " did not finish within " + timeout + ":\n" + tail());
    }
    return process.exitValue();
  }

  double secondsSinceStart() {
    return (System.nanoTime() - started) / 1e9;
  }

  /** SIGKILL. */
  void kill() throws InterruptedException {
    lastSeenArticles = articles();
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, and the wait for the clean exit. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  /**
   * Articles this instance enriched: from its metrics endpoint while it runs, else from its last
   * summary or progress line.
   */
  long articles() {
    if (process.isAlive()) {
      double enriched = metric(ENRICHED);
      if (enriched >= 0) {
        return (long) enriched;
      }
    }
    String out = output();
    long last = lastSeenArticles;
    for (Pattern p : List.of(PROGRESS, SUMMARY)) {
      Matcher m = p.matcher(out);
      while (m.find()) {
        last = Math.max(last, Long.parseLong(m.group(1)));
      }
    }
    return last;
  }

  /**
   * Times the stage {@code stage} (fetch, image, embed, ...) has run in this process, from its
   * metrics: moves within an enrichment batch, before anything is committed. -1 when unknown.
   */
  long stageCount(String stage) {
    return (long)
        metric(
            Pattern.compile(
                "^figstream_stage_duration_seconds_count\\{[^}]*stage=\""
                    + stage
                    + "\"[^}]*\\} ([0-9.E]+)",
                Pattern.MULTILINE));
  }

  /** The sum of the series {@code series} matches on this process's metrics page; -1 if none. */
  private double metric(Pattern series) {
    Matcher m = METRICS.matcher(output());
    if (!m.find()) {
      return -1;
    }
    try {
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(m.group(1)))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher e = series.matcher(body);
      double sum = -1;
      while (e.find()) {
        sum = Math.max(sum, 0) + Double.parseDouble(e.group(1));
      }
      return sum;
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  String tail() {
    String out = output();
    return out.length() > 6000 ? out.substring(out.length() - 6000) : out;
  }
}
