package org.figstream.runtime;

import java.util.Map;
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
      return (int)
          streams.metadataForLocalThreads().stream()
              .flatMap(t -> t.activeTasks().stream())
              .filter(t -> t.taskId().subtopology() == subtopology)
              .count();
    }

    /** The share now: local active tasks of the sub-topology, partitions of its source topic. */
    LedgerShare read(KafkaStreams streams, Map<String, Object> kafka) throws Exception {
      return new LedgerShare(local(streams), TopicSetup.partitionsOf(kafka, sourceTopic));
    }
  }

  /** A note for a summary line: empty when this instance holds the whole ledger. */
  String note() {
    return whole() ? "" : " (this instance's " + local + " of " + total + " partitions)";
  }
}
