package org.figstream.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's launcher picks the JVM's garbage collector: the parallel one unless {@code
 * FIGSTREAM_JAVA_OPTS} names another (docs/load.md says why). The JVM prints the flags it took.
 */
class LauncherCollectorIT {

  @Test
  void shouldRunTheParallelCollectorByDefault() throws Exception {
    String flags = flags("-XX:+PrintCommandLineFlags");

    assertThat(flags).contains("-XX:+UseParallelGC").doesNotContain("-XX:+UseG1GC");
  }

  @Test
  void shouldRunTheCollectorTheUserNames() throws Exception {
    String flags = flags("-XX:+PrintCommandLineFlags -XX:+UseSerialGC");

    assertThat(flags).contains("-XX:+UseSerialGC").doesNotContain("-XX:+UseParallelGC");
  }

  /** The line of {@code ./figstream --version}'s output that lists the flags the JVM took. */
  private static String flags(String javaOptions) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", FigstreamProcess.launcher().toString(), "--version"))
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("FIGSTREAM_JAR", System.getProperty("figstream.jar"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("FIGSTREAM_JAVA_OPTS", javaOptions);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.lines().filter(l -> l.contains("-XX:InitialHeapSize")).findFirst().orElse(out);
  }
}
