package org.figstream.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.topology.TopicSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded sink's thread on the in-process broker, when a commit it was asked for fails. */
class DatasetSinkRunnerTest {
  @TempDir Path dir;

  @Test
  void shouldStopTheSinkWhenACommitItWasAskedForFailsHalfWay() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"))) {
      TopicSetup.ensure(broker.clientConfig(), 1, (short) 1);
      // the first commit is the open's (the empty delete files); the second the one asked for
      int[] commits = {0};
      FaultPoint.Hook failSecond =
          p -> {
            if (p == FaultPoint.SHARDS_WRITTEN && ++commits[0] == 2) {
              throw new IOException("no space left on device (test)");
            }
          };
      Path dataset = dir.resolve("dataset");
      try (DatasetSinkRunner runner =
          new DatasetSinkRunner(broker.clientConfig(), SinkSettings.defaults(dataset), failSecond)
              .start()) {
        long generation = ManifestStore.read(dataset).generation();

        assertThatThrownBy(() -> runner.catchUpAndCommit(Duration.ofSeconds(30)))
            .hasMessage("no space left on device (test)");

        // its open shards and positions no longer match its manifest: it takes no more work, and
        // publishes nothing more, until it is opened again from disk
        assertThatThrownBy(() -> runner.call(sink -> sink.manifest(), Duration.ofSeconds(30)))
            .hasMessage("the dataset sink stopped: no space left on device (test)");
        assertThat(runner.failure()).hasMessage("no space left on device (test)");
        assertThat(ManifestStore.read(dataset).generation()).isEqualTo(generation);
      }
    }
  }
}
