package org.figstream.runtime;

import java.util.Map;

/**
 * The Kafka a run uses: a {@code bootstrap.servers} from any source of configuration (command line,
 * {@code APP_BOOTSTRAP_SERVERS}, the {@code --kafka-config} file, {@code KAFKA_BOOTSTRAP_SERVERS})
 * means that cluster; none means the embedded broker under the data directory.
 *
 * @param clientConfig every client setting found, {@code bootstrap.servers} included when external
 * @param source where {@code bootstrap.servers} came from, for the startup line; null when embedded
 */
public record KafkaTarget(Map<String, Object> clientConfig, String source) {
  public static final String BOOTSTRAP = "bootstrap.servers";

  /** The embedded broker: no source names a cluster. */
  public static KafkaTarget embedded(Map<String, Object> clientConfig) {
    return new KafkaTarget(clientConfig, null);
  }

  public boolean external() {
    return source != null;
  }

  /** The startup line's words for this choice, after "figstream: ". */
  public String describe() {
    return "external Kafka at "
        + clientConfig.get(BOOTSTRAP)
        + " (bootstrap.servers from "
        + source
        + ")";
  }
}
