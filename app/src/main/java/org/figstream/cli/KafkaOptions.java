package org.figstream.cli;

import java.nio.file.Path;
import java.util.Map;
import org.figstream.runtime.KafkaTarget;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How to reach Kafka and what figstream may do there: shared by every command that uses it. */
final class KafkaOptions {

  /** The command this is mixed into: its environment, and whether --bootstrap-servers was typed. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--bootstrap-servers",
      description =
          "Kafka cluster to use (for run: instead of the embedded broker; for feed: to keep the "
              + "cursor in the compacted topic figstream-feed-cursor instead of a file).")
  String bootstrapServers;

  @Option(
      names = "--kafka-config",
      paramLabel = "FILE",
      description =
          "Kafka client properties (security.protocol, sasl.*, ssl.*, ...) for every client. "
              + "KAFKA_* environment variables set them too: KAFKA_SASL_MECHANISM=PLAIN is sasl.mechanism=PLAIN; "
              + "the file wins over the environment. A bootstrap.servers in either means that cluster, as "
              + "--bootstrap-servers does.")
  Path kafkaConfig;

  @Option(
      names = "--replication-factor",
      defaultValue = "1",
      description =
          "Replication factor of the topics figstream creates (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description =
          "Partitions of the topics figstream creates, but for figstream-enriched"
              + " (--dedup-partitions) (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--create-topics",
      arity = "0..1",
      fallbackValue = "true",
      description =
          "Create missing topics. Default: yes on the embedded broker, no on a configured cluster "
              + "(then every topic must exist, and figstream says which do not).")
  Boolean createTopics;

  boolean createTopics() {
    return createTopics != null ? createTopics : !target().external();
  }

  /**
   * The cluster every configuration source names together, or the embedded broker when none names
   * one.
   */
  KafkaTarget target() {
    Map<String, String> env = EnvironmentDefaults.environment(command);
    boolean typed =
        command.commandLine().getParseResult() != null
            && command.commandLine().getParseResult().hasMatchedOption("--bootstrap-servers");
    return KafkaClientConfig.target(
        bootstrapServers,
        typed ? "--bootstrap-servers" : EnvironmentDefaults.variableFor("--bootstrap-servers"),
        kafkaConfig,
        env);
  }
}
