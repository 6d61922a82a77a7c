package org.figstream.connectors.sink.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Confluent Hub archive this module packages, installed the way a user installs it: unzipped
 * into a plugin.path folder. Checks on the way that it is the plugin folder the build assembles,
 * with its manifest.
 */
final class ConnectPluginArchive {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where it was unzipped: the worker's plugin.path, and the component folder in it. */
  record Installed(Path pluginPath, Path component) {}

  private ConnectPluginArchive() {}

  static Installed install(Path plugins) throws IOException {
    String version = version();
    Path archive = Path.of("target/figstream-dataset-sink-" + version + "-confluent-hub.zip");
    if (!Files.exists(archive)) {
      fail(
          archive.toAbsolutePath()
              + " is missing: run it as an integration test, after the package phase "
              + "(./mvnw -pl connectors/sink -am verify)");
    }
    Files.createDirectories(plugins);
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        Path target = plugins.resolve(e.getName()).normalize();
        if (!target.startsWith(plugins)) {
          fail("the archive's entry " + e.getName() + " would land outside the plugin folder");
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    }
    Path component = plugins.resolve("figstream-figstream-dataset-sink-" + version);
    try (Stream<Path> jars = Files.list(component.resolve("lib"))) {
      assertThat(jars.map(p -> p.getFileName().toString()))
          .as("the archive's lib/ is the plugin folder")
          .containsExactlyInAnyOrderElementsOf(pluginJars());
    }
    JsonNode manifest = JSON.readTree(component.resolve("manifest.json").toFile());
    assertThat(manifest.path("name").asText()).isEqualTo("figstream-dataset-sink");
    assertThat(manifest.path("version").asText()).isEqualTo(version);
    assertThat(manifest.path("component_types").get(0).asText()).isEqualTo("sink");
    return new Installed(plugins, component);
  }

  /**
   * The jars of the plugin folder the build assembles
   * (target/connect-plugin/figstream-dataset-sink).
   */
  private static List<String> pluginJars() throws IOException {
    Path plugin = Path.of("target/connect-plugin/figstream-dataset-sink");
    try (Stream<Path> jars = Files.isDirectory(plugin) ? Files.list(plugin) : Stream.empty()) {
      List<String> names = jars.map(p -> p.getFileName().toString()).sorted().toList();
      if (names.stream().noneMatch(n -> n.startsWith("figstream-sink-"))) {
        fail(
            plugin
                + " holds no figstream-sink jar: run it as an integration test, after the package "
                + "phase (./mvnw -pl connectors/sink -am verify)");
      }
      return names;
    }
  }

  /** This build's version, which names the archive (failsafe sets it from the pom). */
  private static String version() {
    String v = System.getProperty("project.version");
    if (v == null) {
      fail("the system property project.version is not set (failsafe sets it from the pom)");
    }
    return v;
  }
}
