package org.figstream.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * The Kafka a command uses, decided only once every source of configuration has been read: a
 * {@code bootstrap.servers} from the command line, {@code APP_BOOTSTRAP_SERVERS}, the {@code --kafka-config}
 * file or {@code KAFKA_BOOTSTRAP_SERVERS} means that cluster; none of them means the embedded broker. (Deciding
 * on {@code --bootstrap-servers} alone let a pod configured the documented way publish to a private broker.)
 *
 * @param clientConfig every client setting found, {@code bootstrap.servers} included when external
 * @param source where {@code bootstrap.servers} came from, for the startup line; null when embedded
 */
record KafkaTarget(Map<String, Object> clientConfig, String source) {
  static final String BOOTSTRAP = "bootstrap.servers";

  boolean external() {
    return source != null;
  }

  /** The startup line's words for this choice, after "figstream: ". */
  String describe() {
    return "external Kafka at " + clientConfig.get(BOOTSTRAP) + " (bootstrap.servers from " + source + ")";
  }

  /**
   * @param bootstrapServers the option's value (typed, or from {@code APP_BOOTSTRAP_SERVERS}), or null
   * @param optionSource what to call where that value came from
   * @param file the {@code --kafka-config} file, or null; one that cannot be read is an error
   */
  static KafkaTarget decide(String bootstrapServers, String optionSource, Path file, Map<String, String> env) {
    Map<String, Object> config = KafkaClientConfig.resolve(bootstrapServers, file, env);
    if (!config.containsKey(BOOTSTRAP)) {
      return new KafkaTarget(config, null);
    }
    String source;
    if (bootstrapServers != null) {
      source = optionSource;
    } else if (file != null && KafkaClientConfig.load(file).containsKey(BOOTSTRAP)) {
      source = "--kafka-config " + file;
    } else {
      source = "KAFKA_BOOTSTRAP_SERVERS";
    }
    return new KafkaTarget(config, source);
  }
}
