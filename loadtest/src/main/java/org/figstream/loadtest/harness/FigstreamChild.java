package org.figstream.loadtest.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.figstream.cli.KafkaClientConfig;

/**
 * {@code figstream run} as its own JVM from the packaged jar (the real CLI; its embedded broker,
 * unless the workload's arguments name {@code --bootstrap-servers}), following a bucket URL; its
 * output in {@code figstream.log}. A {@code --kafka-config} file in the arguments (a TLS cluster's
 * truststore, say) is read here too, for the harness's own clients of that cluster.
 */
final class FigstreamChild implements AutoCloseable {
  private static final Pattern METRICS = Pattern.compile("metrics at (http://\\S+/metrics)");
  private static final Pattern BROKER = Pattern.compile("embedded Kafka broker at (\\S+),");

  private final Process process;
  private final Path log;
  private final String externalBrokers;
  private final Map<String, String> kafkaConfig;

  private FigstreamChild(
      Process process, Path log, String externalBrokers, Map<String, String> kafkaConfig) {
    this.process = process;
    this.log = log;
    this.externalBrokers = externalBrokers;
    this.kafkaConfig = kafkaConfig;
  }

  static FigstreamChild start(Path dir, Workload workload, String bucketUrl) throws IOException {
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + workload.heap());
    command.add("-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"));
    command.add("-XX:+ExitOnOutOfMemoryError"); // as the launcher and the images run it
    command.addAll(jvmOptions(workload));
    for (String p : List.of("ai.djl.offline", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR")) {
      if (System.getProperty(p) != null) {
        command.add("-D" + p + "=" + System.getProperty(p));
      }
    }
    command.addAll(
        List.of(
            "-jar",
            appJar().toString(),
            "run",
            "--bucket-url",
            bucketUrl,
            "--start-policy",
            "BACKFILL",
            "--bucket-rate",
            "1000",
            "--poll-interval",
            "PT2S",
            "--data-dir",
            dir.resolve("data").toString(),
            "--dataset-dir",
            dir.resolve("dataset").toString(),
            "--http-port",
            "0",
            "--progress-interval",
            "PT5S",
            // the generated bucket has no PubMed beside it, and the harness measures the pipeline
            "--no-pubmed"));
    command.addAll(workload.args());
    Path log = dir.resolve("figstream.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // as the launcher sets it: no telemetry database under ~/.cache, nothing sent to Microsoft
    builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
    Map<String, String> kafkaConfig = kafkaConfig(workload.args());
    Process process = builder.redirectOutput(log.toFile()).start();
    return new FigstreamChild(process, log, externalBrokers(workload.args()), kafkaConfig);
  }

  /** The value of {@code --bootstrap-servers} in {@code args}, or null for the embedded broker. */
  static String externalBrokers(List<String> args) {
    return option(args, "--bootstrap-servers");
  }

  /**
   * The client properties in the file {@code --kafka-config} names in {@code args}, as figstream
   * reads them for every client it makes; empty without the option.
   */
  static Map<String, String> kafkaConfig(List<String> args) {
    String file = option(args, "--kafka-config");
    if (file == null) {
      return Map.of();
    }
    Properties p = KafkaClientConfig.load(Path.of(file));
    Map<String, String> config = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> config.put(k, p.getProperty(k)));
    return Map.copyOf(config);
  }

  /** The value of {@code name} in {@code args}, either spelling, or null. */
  private static String option(List<String> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith(name + "=")) {
        return a.substring(a.indexOf('=') + 1);
      }
      if (a.equals(name) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
    }
    return null;
  }

  /**
   * The workload's JVM options after the launcher's collector, the parallel one, unless the
   * workload names another.
   */
  static List<String> jvmOptions(Workload workload) {
    List<String> options = new ArrayList<>();
    if (workload.jvm().stream().noneMatch(o -> o.matches("-XX:\\+Use\\w*GC"))) {
      options.add("-XX:+UseParallelGC");
    }
    options.addAll(workload.jvm());
    return options;
  }

  /**
   * The packaged CLI, as users run it: {@code -Dfigstream.jar}, else {@code
   * app/target/figstream.jar} under the working directory (the repository root). Not this module's
   * classpath: it holds test jars whose resources shadow the app's.
   */
  static Path appJar() {
    Path jar = Path.of(System.getProperty("figstream.jar", "app/target/figstream.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath() + " is missing: run ./mvnw -B -DskipTests package first");
    }
    return jar;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The first match of {@code pattern}'s group 1 in the output, waiting up to {@code timeout}. */
  String await(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = pattern.matcher(output());
      if (m.find()) {
        return m.group(1);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("figstream exited " + process.exitValue() + ":\n" + tail());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("figstream did not print " + pattern + ":\n" + tail());
  }

  /** The workload's {@code --kafka-config} settings, for the harness's clients of its cluster. */
  Map<String, String> kafkaConfig() {
    return kafkaConfig;
  }

  String metricsUrl(Duration timeout) throws InterruptedException {
    return await(METRICS, timeout);
  }

  /** The cluster the workload named, else the embedded broker's address once it is up. */
  String bootstrapServers(Duration timeout) throws InterruptedException {
    return externalBrokers != null ? externalBrokers : await(BROKER, timeout);
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  String tail() {
    String out = output();
    return out.length() > 4000 ? out.substring(out.length() - 4000) : out;
  }

  /** SIGTERM and the wait for the clean exit (143); SIGKILL after two minutes. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
