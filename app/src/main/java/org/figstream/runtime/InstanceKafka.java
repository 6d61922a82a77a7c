package org.figstream.runtime;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.figstream.broker.EmbeddedBroker;

/**
 * The Kafka an {@link Instance} runs on, the embedded broker or the configured cluster: its
 * clients' configuration, and the lines that say which it is.
 */
final class InstanceKafka {
  private InstanceKafka() {}

  /** The clients' configuration on {@code broker}, or on the configured cluster when null. */
  static Map<String, Object> clientConfig(EmbeddedBroker broker, InstanceSettings settings) {
    Map<String, Object> kafka =
        broker != null ? broker.clientConfig() : settings.kafka().clientConfig();
    if (broker != null) {
      // one instance by construction: after a crash, the restart takes the dead process's place
      // in every consumer group at once, instead of waiting out its session (45 s) to rebalance
      kafka = new HashMap<>(kafka);
      kafka.put(
          ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "figstream-" + settings.pipeline().instanceId());
    }
    return kafka;
  }

  /** Which Kafka it is, and what the embedded broker's last stop left unfinished. */
  static void describe(EmbeddedBroker broker, InstanceSettings settings, PrintWriter log) {
    log.println(
        broker != null
            ? "figstream: embedded Kafka broker at "
                + broker.bootstrapServers()
                + ", data in "
                + settings.dataDir().resolve("kafka")
                + " (no bootstrap.servers configured)"
            : "figstream: " + settings.kafka().describe());
    if (broker != null && !broker.finishedOrphans().isEmpty()) {
      log.println(
          "figstream: the last stop left "
              + broker.finishedOrphans().size()
              + " partitions in transactions their coordinator had finished; committed where it"
              + " had committed, else aborted and the work they held redone: "
              + broker.finishedOrphans());
    }
  }
}
