package org.figstream.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** How to reach Kafka: shared by every command that uses it. */
final class KafkaOptions {

  @Option(names = "--bootstrap-servers",
      description = "Kafka cluster to use (for run: instead of the embedded broker; for feed: to keep the "
          + "cursor in the compacted topic figstream-feed-cursor instead of a file).")
  String bootstrapServers;

  @Option(names = "--replication-factor", defaultValue = "1",
      description = "Replication factor of the topics figstream creates (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  Map<String, Object> clientConfig() {
    return Map.of("bootstrap.servers", bootstrapServers);
  }
}
