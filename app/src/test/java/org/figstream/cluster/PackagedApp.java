package org.figstream.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/** The packaged application, whose jar the cluster tests start their instances and nodes from. */
final class PackagedApp {
  private PackagedApp() {}

  /**
   * The classpath of the child JVMs: the packaged application, {@code app/target/figstream.jar},
   * whose manifest names its runtime dependencies in {@code lib/} (figstream-broker and Kafka's
   * server jars among them). Not the test classpath: started with Maven's class folders on a plain
   * {@code java -cp}, the instances died of SIGSEGV here while loading the encoders (every time,
   * not investigated further), while the packaged jar, what {@code ./figstream} runs, loads them.
   */
  static String classpath() {
    String jar = System.getProperty("figstream.jar");
    Path path = jar != null ? Path.of(jar) : Path.of("target/figstream.jar");
    if (!Files.isRegularFile(path)) {
      path = Path.of("app/target/figstream.jar");
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          "no packaged application at " + path.toAbsolutePath() + ": package app first");
    }
    return path.toAbsolutePath().toString();
  }
}
