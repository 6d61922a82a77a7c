package org.figstream.loadtest.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The Kafka a side of {@link ClusterKafkaCost} runs figstream on: its argument and its label. */
enum KafkaSetup {
  EMBEDDED("embedded", "embedded, unreplicated"),
  CLUSTER("cluster", "three nodes, replicated 3 times"),
  CLUSTER_TLS("cluster-tls", "three nodes, replicated 3 times, TLS");

  /** What {@link ClusterKafkaCost} runs when no sides are named: the 2026-12-06 comparison. */
  static final String DEFAULT = "embedded,cluster";

  /** The name on the command line and of the side's folder. */
  final String arg;

  /** The side's row in the summary. */
  final String label;

  KafkaSetup(String arg, String label) {
    this.arg = arg;
    this.label = label;
  }

  /** {@code embedded,cluster-tls}: the sides in the order given, each at most once. */
  static List<KafkaSetup> parse(String sides) {
    List<KafkaSetup> parsed = new ArrayList<>();
    for (String name : sides.split(",", -1)) {
      KafkaSetup setup =
          Arrays.stream(values())
              .filter(s -> s.arg.equals(name.trim()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown side '"
                              + name.trim()
                              + "' in '"
                              + sides
                              + "': the sides are "
                              + Arrays.stream(values())
                                  .map(s -> s.arg)
                                  .collect(Collectors.joining(", "))));
      if (parsed.contains(setup)) {
        throw new IllegalArgumentException(
            "side '" + setup.arg + "' named twice in '" + sides + "'");
      }
      parsed.add(setup);
    }
    return List.copyOf(parsed);
  }

  boolean cluster() {
    return this != EMBEDDED;
  }

  boolean tls() {
    return this == CLUSTER_TLS;
  }
}
