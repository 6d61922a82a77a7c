package org.figstream.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kafka.strimzi.io/v1 CRDs of Strimzi 1.2.0 (the chart's default API), made by Strimzi 1.2.0's
 * own CRD generator from io.strimzi:api 1.2.0, as its build makes the CRDs it installs. It runs in
 * a JVM of its own: its classes are Java 21 bytecode, and they share their packages with 0.45's,
 * which this JVM loads for v1beta2. The pom copies its jars to {@code strimzi.v1.generator}.
 */
final class StrimziV1Crds {
  static final Map<String, String> KINDS =
      Map.of(
          "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
          "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser",
          "KafkaConnect", "io.strimzi.api.kafka.model.connect.KafkaConnect",
          "KafkaConnector", "io.strimzi.api.kafka.model.connector.KafkaConnector");

  static final int JAVA_FEATURE = 21;

  private StrimziV1Crds() {}

  /** Each kind's CRD as YAML. */
  static Map<String, String> generate() throws IOException, InterruptedException {
    Path jars = Path.of(System.getProperty("strimzi.v1.generator", "target/strimzi-v1-generator"));
    if (!Files.isDirectory(jars)) {
      throw new IllegalStateException(jars + " is missing: run the tests through Maven");
    }
    Path out = Files.createTempDirectory("strimzi-v1-crds");
    // the arguments of Strimzi's api/pom.xml (generate-crd-co-install-v1)
    List<String> command =
        new ArrayList<>(
            List.of(
                java().toString(),
                "-cp",
                jars.toAbsolutePath() + "/*",
                "io.strimzi.crdgenerator.CrdGenerator",
                "--target-kube",
                "1.16+",
                "--crd-api-version",
                "v1",
                "--api-versions",
                "v1",
                "--storage-version",
                "v1",
                "--yaml"));
    KINDS.forEach((kind, type) -> command.add(type + "=" + out.resolve(kind + ".yaml")));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("Strimzi 1.2.0's CRD generator failed:\n" + log);
    }
    Map<String, String> crds = new LinkedHashMap<>();
    for (String kind : KINDS.keySet()) {
      Path file = out.resolve(kind + ".yaml");
      crds.put(kind, Files.readString(file));
      Files.delete(file);
    }
    Files.delete(out);
    return crds;
  }

  /**
   * A java of {@value #JAVA_FEATURE} or later: the strimzi.v1.java property (an executable), this
   * JVM, or the newest JDK installed beside it (as in /usr/lib/jvm).
   */
  /** Whether a Java for the generator is there (see {@link #java()}). */
  static boolean available() {
    try {
      return Files.isExecutable(java());
    } catch (IllegalStateException e) {
      return false;
    }
  }

  static Path java() {
    String given = System.getProperty("strimzi.v1.java", "");
    if (!given.isEmpty()) {
      return Path.of(given);
    }
    Path home = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() >= JAVA_FEATURE) {
      return home.resolve("bin/java");
    }
    try (Stream<Path> jdks = Files.list(home.toRealPath().getParent())) {
      return jdks.filter(jdk -> feature(jdk).orElse(0) >= JAVA_FEATURE)
          .max((a, b) -> Integer.compare(feature(a).orElse(0), feature(b).orElse(0)))
          .map(jdk -> jdk.resolve("bin/java"))
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "Strimzi 1.2.0's CRD generator needs Java "
                          + JAVA_FEATURE
                          + "+: none beside "
                          + home
                          + "; pass -Dstrimzi.v1.java=<its bin/java>"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The feature version a JDK's release file names (JAVA_VERSION="25.0.1"). */
  private static Optional<Integer> feature(Path jdk) {
    Path release = jdk.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(jdk.resolve("bin/java"))) {
      return Optional.empty();
    }
    try {
      return Files.readAllLines(release).stream()
          .filter(l -> l.startsWith("JAVA_VERSION="))
          .map(l -> l.substring(l.indexOf('"') + 1).split("[.\"]")[0])
          .map(Integer::valueOf)
          .findFirst();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
