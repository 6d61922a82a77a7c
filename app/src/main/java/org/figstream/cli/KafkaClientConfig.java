package org.figstream.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.figstream.runtime.KafkaTarget;

/**
 * Kafka client settings from the places a deployment puts them, bakdata-style: {@code KAFKA_*}
 * environment variables (what a Helm chart sets, secrets included), a properties file, the command
 * line.
 */
public final class KafkaClientConfig {
  /**
   * Variables of Kafka's own launch scripts, not client settings; often present in Kafka images.
   */
  static final Set<String> LAUNCHER_VARIABLES =
      Set.of(
          "KAFKA_HEAP_OPTS",
          "KAFKA_OPTS",
          "KAFKA_JMX_OPTS",
          "KAFKA_LOG4J_OPTS",
          "KAFKA_JVM_PERFORMANCE_OPTS",
          "KAFKA_DEBUG",
          "KAFKA_GC_LOG_OPTS",
          "KAFKA_HOME");

  private KafkaClientConfig() {}

  /**
   * The cluster every source names together, decided only once all are read (deciding on
   * --bootstrap-servers alone let a pod configured the documented way publish to a private broker).
   *
   * @param bootstrapServers the option's value (typed, or from {@code APP_BOOTSTRAP_SERVERS}), or
   *     null
   * @param optionSource what to call where that value came from
   * @param file the {@code --kafka-config} file, or null; one that cannot be read is an error
   */
  static KafkaTarget target(
      String bootstrapServers, String optionSource, Path file, Map<String, String> env) {
    Map<String, Object> config = resolve(bootstrapServers, file, env);
    if (!config.containsKey(KafkaTarget.BOOTSTRAP)) {
      return KafkaTarget.embedded(config);
    }
    String source;
    if (bootstrapServers != null) {
      source = optionSource;
    } else if (file != null && load(file).containsKey(KafkaTarget.BOOTSTRAP)) {
      source = "--kafka-config " + file;
    } else {
      source = "KAFKA_BOOTSTRAP_SERVERS";
    }
    return new KafkaTarget(config, source);
  }

  /**
   * The client settings from the environment, the file and the option, later ones winning; public
   * for the Helm chart's tests, which feed it the variables the chart sets.
   */
  public static Map<String, Object> resolve(
      String bootstrapServers, Path file, Map<String, String> env) {
    Map<String, Object> config = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith("KAFKA_") && !LAUNCHER_VARIABLES.contains(name)) {
            config.put(propertyFor(name), value);
          }
        });
    if (file != null) {
      Properties p = load(file);
      p.stringPropertyNames().forEach(k -> config.put(k, p.getProperty(k)));
    }
    if (bootstrapServers != null) {
      config.put("bootstrap.servers", bootstrapServers);
    }
    return config;
  }

  /**
   * The properties in {@code file}; one that is missing or unreadable is refused, naming the path.
   * The load harness reads a workload's {@code --kafka-config} with it too, as figstream reads it.
   */
  public static Properties load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "the Kafka client config file "
              + file.toAbsolutePath()
              + " (--kafka-config) does not exist or is not a file");
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException
        | IllegalArgumentException e) { // unreadable, or a malformed unicode escape
      throw new IllegalArgumentException(
          "cannot read the Kafka client config file "
              + file.toAbsolutePath()
              + " (--kafka-config): "
              + e.getMessage(),
          e);
    }
    return p;
  }

  /** {@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}. */
  static String propertyFor(String variable) {
    return variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
