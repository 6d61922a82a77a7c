package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.config.AbstractConfig;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code run} on a cluster that takes only TLS and SCRAM (issue 18), configured the way docs/cli.md
 * shows, and no secret of that configuration anywhere an operator or a scraper looks: the command's
 * output, the logs, /metrics, the data directory.
 */
class SaslSslRunTest {
  private static final String USER = "figstream";
  private static final String PASSWORD = "pw-7f3c9e1d-never-print-me";
  private static final String TRUSTSTORE_PASSWORD = "ts-4b8e2a90-never-print-me";
  private static final Pattern ENDPOINT =
      Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");

  @Test
  void shouldRunOverSaslSslAndPrintNoSecretAnywhere(@TempDir Path dir) throws Exception {
    try (SecureBroker cluster = SecureBroker.start(dir, USER, PASSWORD, TRUSTSTORE_PASSWORD)) {
      Path config = clientProperties(dir, cluster, PASSWORD);
      Path data = dir.resolve("data");
      StringWriter err = new StringWriter();
      StringWriter out = new StringWriter();
      ByteArrayOutputStream logs = new ByteArrayOutputStream();
      String metrics;
      int exit;
      PrintStream stdout = System.out;
      PrintStream stderr = System.err;
      // the Kafka clients' config dumps, logged by AbstractConfig at INFO, are off by default
      // (simplelogger.properties); on for this run so that the grep below covers them
      int level = logLevel(AbstractConfig.class, 20); // slf4j-simple's INFO
      // slf4j-simple writes to whatever System.err is at the time (logFile=System.err)
      System.setOut(
          new PrintStream(new TeeOutputStream(stdout, logs), true, StandardCharsets.UTF_8));
      System.setErr(
          new PrintStream(new TeeOutputStream(stderr, logs), true, StandardCharsets.UTF_8));
      try {
        CommandLine cli = Main.commandLine(Map.of());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> run =
            CompletableFuture.supplyAsync(
                () -> cli.execute(args(data, config, "--http-port", "0")));
        String port = Stderr.await(err, ENDPOINT).group(1);
        Stderr.await(err, Pattern.compile("run: caught up"));
        metrics = get("http://127.0.0.1:" + port + "/metrics");
        RunCommand command = cli.getSubcommands().get("run").getCommand();
        command.stopAndWait();
        exit = run.get(3, TimeUnit.MINUTES);
      } finally {
        System.setOut(stdout);
        System.setErr(stderr);
        logLevel(AbstractConfig.class, level);
      }

      assertThat(exit).as(err.toString()).isZero();
      assertThat(err.toString())
          .contains("figstream: external Kafka at " + cluster.saslSsl)
          .contains(
              "run: caught up: 70 live pairs on figures, 7 articles on articles, 0 dead letters on dlq");
      assertThat(metrics).contains("figstream_enrichment_figures_total");
      String log = logs.toString(StandardCharsets.UTF_8);
      assertThat(log)
          .contains("ConsumerConfig values:")
          .contains("sasl.jaas.config = [hidden]")
          .contains("ssl.truststore.password = [hidden]");
      // the settings as figstream holds them, should a message or a log line ever print them
      String settings = KafkaClientConfig.target(null, null, config, Map.of()).toString();
      for (String secret : List.of(PASSWORD, TRUSTSTORE_PASSWORD)) {
        assertThat(err.toString()).as("command stderr").doesNotContain(secret);
        assertThat(out.toString()).as("command stdout").doesNotContain(secret);
        assertThat(log).as("System.out/err, logs included").doesNotContain(secret);
        assertThat(metrics).as("/metrics").doesNotContain(secret);
        assertThat(settings).as("KafkaTarget.toString").doesNotContain(secret);
        assertThat(filesContaining(data, secret)).as("files under the data dir").isEmpty();
      }
    }
  }

  @Test
  void shouldRefuseAWrongPasswordInOneLineNamingAuthentication(@TempDir Path dir) throws Exception {
    try (SecureBroker cluster = SecureBroker.start(dir, USER, PASSWORD, TRUSTSTORE_PASSWORD)) {
      String wrong = "wrong-" + PASSWORD;
      Path config = clientProperties(dir, cluster, wrong);
      StringWriter err = new StringWriter();
      CommandLine cli = Main.commandLine(Map.of());
      cli.setErr(new PrintWriter(err, true));
      long start = System.nanoTime();
      int exit =
          CompletableFuture.supplyAsync(
                  () ->
                      cli.execute(
                          args(
                              dir.resolve("data"),
                              config,
                              "--http-port",
                              "-1",
                              "--until-caught-up")))
              .get(2, TimeUnit.MINUTES);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

      assertThat(exit).as(err.toString()).isEqualTo(2);
      assertThat(seconds).as("seconds to fail").isLessThan(60);
      String last = err.toString().strip().lines().reduce((a, b) -> b).orElse("");
      assertThat(last)
          .isEqualTo(
              "run: cannot reach Kafka at "
                  + cluster.saslSsl
                  + ": org.apache.kafka.common.errors.SaslAuthenticationException: Authentication"
                  + " failed during authentication due to invalid credentials with SASL mechanism"
                  + " SCRAM-SHA-512");
      assertThat(err.toString()).doesNotContain("\tat ").doesNotContain(wrong);
    }
  }

  private static Path clientProperties(Path dir, SecureBroker cluster, String password)
      throws Exception {
    StringBuilder file = new StringBuilder();
    cluster
        .clientConfig(USER, password, TRUSTSTORE_PASSWORD)
        .forEach((k, v) -> file.append(k).append('=').append(v).append('\n'));
    return Files.writeString(dir.resolve("client.properties"), file.toString());
  }

  private static String[] args(Path data, Path config, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                // not about labels: the smaller caption model starts and runs in half the time
                "--text-model",
                "all-minilm-l6-v2",
                "--sample",
                "--sample-dir",
                SampleArticles.root().toString(),
                "--data-dir",
                data.toString(),
                "--create-topics",
                "--dataset=false",
                "--kafka-config",
                config.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The files under {@code root} whose bytes contain {@code secret} (binary files included). */
  private static List<Path> filesContaining(Path root, String secret) throws Exception {
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).toList();
    }
  }

  private static boolean contains(Path file, byte[] needle) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      for (int i = 0; i + needle.length <= bytes.length; i++) {
        if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * Sets the level of {@code type}'s slf4j-simple logger, returning the one before: that backend
   * has no API for it, and a logger's level is fixed when the first class asks for it, maybe in an
   * earlier test of this JVM.
   */
  private static int logLevel(Class<?> type, int level) throws Exception {
    Object logger = LoggerFactory.getLogger(type);
    Field field = logger.getClass().getDeclaredField("currentLogLevel");
    field.setAccessible(true);
    int before = field.getInt(logger);
    field.setInt(logger, level);
    return before;
  }
}
