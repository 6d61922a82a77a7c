package org.figstream.runtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.figstream.state.StoreNames;
import org.figstream.topology.TopicSetup;

/**
 * How many of the pair ledger's partitions this instance is active for, of how many there are: with
 * several instances a summary read from the local ledger counts only this share, and says so.
 */
record LedgerShare(int local, int total) {

  boolean whole() {
    return local >= total;
  }

  /** The ledger's sub-topology and its source topic, found once from the topology. */
  record Locator(int subtopology, String sourceTopic) {

    static Locator of(Topology topology) {
      for (TopologyDescription.Subtopology s : topology.describe().subtopologies()) {
        boolean ledger = false;
        String source = null;
        for (TopologyDescription.Node n : s.nodes()) {
          if (n instanceof TopologyDescription.Processor p
              && p.stores().contains(StoreNames.PAIR_LEDGER)) {
            ledger = true;
          }
          if (n instanceof TopologyDescription.Source src && src.topicSet() != null) {
            source = src.topicSet().stream().sorted().findFirst().orElse(source);
          }
        }
        if (ledger && source != null) {
          return new Locator(s.id(), source);
        }
      }
      throw new IllegalStateException("the topology has no " + StoreNames.PAIR_LEDGER + " store");
    }

    /** This instance's active tasks of the ledger's sub-topology now. */
    int local(KafkaStreams streams) {
      return partitions(streams).size();
    }

    /** The partitions of this instance's active tasks of the ledger's sub-topology now. */
    Set<Integer> partitions(KafkaStreams streams) {
      return streams.metadataForLocalThreads().stream()
          .flatMap(t -> t.activeTasks().stream())
          .filter(t -> t.taskId().subtopology() == subtopology)
          .map(t -> t.taskId().partition())
          .collect(Collectors.toSet());
    }

    /**
     * {@code read}'s result with the share it was read from ({@link #between}, three tries), of the
     * partitions of the ledger's source topic.
     */
    <T> Read<T> reading(KafkaStreams streams, Map<String, Object> kafka, Callable<T> read)
        throws Exception {
      return between(
          () -> partitions(streams), TopicSetup.partitionsOf(kafka, sourceTopic), read, 3);
    }

    /** The share now: local active tasks of the sub-topology, partitions of its source topic. */
    LedgerShare read(KafkaStreams streams, Map<String, Object> kafka) throws Exception {
      return new LedgerShare(local(streams), TopicSetup.partitionsOf(kafka, sourceTopic));
    }
  }

  /**
   * What a reading of the local ledger returned, with the share it was read from; {@code settled}
   * false when a rebalance was still moving the partitions at the last try, so the counts may mix
   * two shares.
   */
  record Read<T>(T value, LedgerShare share, boolean settled) {
    /** The share's note, and a word that the counts may be off when the share did not settle. */
    String note() {
      return share.note() + (settled ? "" : " (partitions moving while counted)");
    }
  }

  /**
   * Calls {@code read} between two looks at this instance's ledger partitions ({@code local}), and
   * again, at most {@code tries} times in all, while a rebalance moves them in between: a summary's
   * counts and its "k of n partitions" then describe the same partitions. After the last try the
   * share is the one seen after the reading, and the reading is marked unsettled.
   */
  static <T> Read<T> between(Supplier<Set<Integer>> local, int total, Callable<T> read, int tries)
      throws Exception {
    for (int i = 1; ; i++) {
      Set<Integer> before = local.get();
      T value = read.call();
      Set<Integer> after = local.get();
      if (before.equals(after) || i >= tries) {
        return new Read<>(value, new LedgerShare(after.size(), total), before.equals(after));
      }
    }
  }

  /** A note for a summary line: empty when this instance holds the whole ledger. */
  String note() {
    return whole() ? "" : " (this instance's " + local + " of " + total + " partitions)";
  }
}
