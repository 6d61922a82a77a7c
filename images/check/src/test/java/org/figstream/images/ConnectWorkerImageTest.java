package org.figstream.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kafka Connect worker image (images/connect-worker/target/jib-image.tar): connect-distributed
 * with the figstream dataset sink plugin on its plugin.path.
 */
class ConnectWorkerImageTest extends BaseImageChecks {
  static final String PLUGIN = "/opt/connect-plugins/figstream-dataset-sink/";
  static final String WORKER_CONFIG = "/opt/connect/config/connect-distributed.properties";

  @Override
  String tarPath() {
    return "images/connect-worker/target/jib-image.tar";
  }

  @Test
  void startsConnectDistributedWithItsConfigAndTheRestPortExposed() throws Exception {
    assertThat(image.strings("Entrypoint"))
        .endsWith("org.apache.kafka.connect.cli.ConnectDistributed");
    assertThat(image.strings("Cmd")).containsExactly(WORKER_CONFIG);
    assertThat(image.keys("ExposedPorts")).containsExactly("8083/tcp");
    assertThat(Files.readAllLines(root.resolve(WORKER_CONFIG.substring(1))))
        .contains("plugin.path=/opt/connect-plugins", "listeners=http://0.0.0.0:8083");
  }

  @Test
  void theWorkerClassPathHasTheConnectRuntimeAndThePluginIsApart() {
    assertThat(image.paths("/app/libs/"))
        .anySatisfy(p -> assertThat(p).matches("/app/libs/connect-runtime-4\\.3\\.1\\.jar"))
        .noneSatisfy(p -> assertThat(p).contains("figstream"));
    assertThat(image.paths(PLUGIN))
        .anySatisfy(p -> assertThat(p).matches(".*/figstream-sink-[^/]+\\.jar"))
        .anySatisfy(p -> assertThat(p).matches(".*/parquet-hadoop-[^/]+\\.jar"));
  }

  /**
   * The worker's default command, read-only root (when chrooted): it scans /opt/connect-plugins and
   * finds the dataset sink, then stops because the configured broker (kafka:9092) does not resolve
   * here.
   */
  @Test
  void theWorkerLoadsTheDatasetSinkPluginWithARootFileSystemItCannotWrite() throws Exception {
    List<String> args = null; // the image's Cmd
    if (!ImageRun.canChroot()) {
      // outside a chroot the image's absolute paths are the host's: point the worker at the root
      Path config = Files.createTempFile("connect-distributed", ".properties");
      config.toFile().deleteOnExit();
      Files.write(
          config,
          Files.readAllLines(root.resolve(WORKER_CONFIG.substring(1))).stream()
              .map(l -> l.replace("=/opt/", "=" + root + "/opt/"))
              .toList());
      args = List.of(config.toString());
    }
    ImageRun.Result result =
        ImageRun.run(image, root, null, null, ImageRun.entrypoint(image, args), 180);
    System.out.println(result.summary(40));
    assertThat(result.output())
        .contains("org.figstream.connectors.sink.connect.DatasetSinkConnector")
        .contains("kafka:9092");
  }
}
