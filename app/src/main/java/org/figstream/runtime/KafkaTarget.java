package org.figstream.runtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

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

  /**
   * Settings whose values are secrets (sasl.jaas.config, ssl.*.password, OAuth client secrets, PEM
   * keys), as Kafka's own config dumps hide its PASSWORD-typed settings.
   */
  private static final Pattern SECRET =
      Pattern.compile("password|secret|jaas|ssl\\.keystore\\.key$", Pattern.CASE_INSENSITIVE);

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

  /**
   * The record's text with every secret setting's value hidden: this record (and {@link
   * InstanceSettings} with it) holds the credentials of the cluster, and a message or a log line
   * that prints it must not print them.
   */
  @Override
  public String toString() {
    Map<String, Object> shown = new TreeMap<>();
    clientConfig.forEach((k, v) -> shown.put(k, SECRET.matcher(k).find() ? "[hidden]" : v));
    return "KafkaTarget[clientConfig=" + shown + ", source=" + source + "]";
  }
}
