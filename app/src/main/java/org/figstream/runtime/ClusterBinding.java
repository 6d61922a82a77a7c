package org.figstream.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * A data directory belongs to the Kafka cluster it was first run against: its Streams stores, feed
 * index and dataset manifest hold that cluster's offsets and what was announced there. Run against
 * another cluster (or the embedded broker after its data was deleted), they would make the feed say
 * "already processed" to an empty broker and Streams report corrupted tasks. The cluster id is
 * recorded on the first run and checked on every later one.
 */
public final class ClusterBinding {
  static final String FILE = "kafka-cluster-id";

  private ClusterBinding() {}

  /**
   * Records the cluster's id in {@code dataDir}, or checks it against the one recorded there.
   *
   * @throws IllegalStateException when the data directory belongs to another cluster, saying what
   *     to do
   */
  public static String check(Path dataDir, Map<String, Object> kafka) {
    String id = clusterId(kafka);
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String recorded = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!recorded.equals(id)) {
          throw new IllegalStateException(
              "the data directory "
                  + dataDir.toAbsolutePath()
                  + " holds the state of Kafka cluster "
                  + recorded
                  + " (Streams stores, feed index, dataset "
                  + "offsets), but "
                  + kafka.get("bootstrap.servers")
                  + " is cluster "
                  + id
                  + ": run against "
                  + "cluster "
                  + recorded
                  + " again, or give another --data-dir to start afresh on "
                  + id);
        }
      } else {
        Files.createDirectories(dataDir);
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the Kafka cluster id in " + file, e);
    }
    return id;
  }

  private static String clusterId(Map<String, Object> kafka) {
    try (Admin admin = Admin.create(kafka)) {
      return admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // the cause says why (a refused login names SaslAuthenticationException); the
      // ExecutionException around it says nothing
      Throwable why = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException(
          "cannot reach Kafka at " + kafka.get("bootstrap.servers") + ": " + why, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Kafka for its cluster id", e);
    }
  }
}
