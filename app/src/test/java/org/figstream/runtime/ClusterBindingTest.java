package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.clients.admin.Admin;
import org.figstream.broker.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory against the cluster it was made on, the same cluster restarted, and another one.
 */
class ClusterBindingTest {
  @TempDir Path dir;

  @Test
  void shouldRecordTheClusterAndRefuseAnotherOneSayingWhatToDo() throws Exception {
    Path data = dir.resolve("data");
    String first;
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka-a"));
        Admin admin = Admin.create(broker.clientConfig())) {
      first = admin.describeCluster().clusterId().get();
      assertThat(ClusterBinding.check(data, broker.clientConfig())).isEqualTo(first);
    }
    assertThat(Files.readString(data.resolve(ClusterBinding.FILE))).isEqualTo(first + "\n");
    try (EmbeddedBroker same = EmbeddedBroker.start(dir.resolve("kafka-a"))) {
      assertThat(ClusterBinding.check(data, same.clientConfig()))
          .as("restarted on its own data")
          .isEqualTo(first);
    }

    try (EmbeddedBroker other = EmbeddedBroker.start(dir.resolve("kafka-b"));
        Admin admin = Admin.create(other.clientConfig())) {
      String second = admin.describeCluster().clusterId().get();
      assertThat(second).isNotEqualTo(first);

      assertThatThrownBy(() -> ClusterBinding.check(data, other.clientConfig()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the data directory "
                  + data.toAbsolutePath()
                  + " holds the state of Kafka cluster "
                  + first
                  + " (Streams stores, feed index, dataset offsets), but "
                  + other.bootstrapServers()
                  + " is cluster "
                  + second
                  + ": run against cluster "
                  + first
                  + " again, or give another --data-dir to start afresh on "
                  + second);
    }
    assertThat(Files.readString(data.resolve(ClusterBinding.FILE)))
        .as("left as it was")
        .isEqualTo(first + "\n");
  }
}
