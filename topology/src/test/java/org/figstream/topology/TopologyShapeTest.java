package org.figstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.figstream.records.Topics;
import org.figstream.state.StoreNames;
import org.junit.jupiter.api.Test;

/**
 * The names Kafka Streams keeps state and topics under: the Processor-API part keeps its
 * sub-topology numbers, nodes and stores (task directories and changelogs on disk depend on them),
 * and the PubMed join names everything it adds.
 */
class TopologyShapeTest {
  private final List<TopologyDescription.Subtopology> subtopologies =
      FigstreamTopology.buildTopology().describe().subtopologies().stream()
          .sorted((a, b) -> Integer.compare(a.id(), b.id()))
          .toList();

  @Test
  void shouldKeepTheGateDedupAndLedgerAsTheyWere() {
    assertThat(nodes(0))
        .isEqualTo(
            Map.of(
                "versions", Set.of(),
                "gate", Set.of(StoreNames.VERSION_GATE),
                "to-enrich", Set.of())); // withdrawals too: they pass the stage, in order
    // dedup reads the ledger's store to name only pairs still on figures
    Set<String> dedup =
        Set.of(StoreNames.DEDUP_EXACT, StoreNames.DEDUP_NEAR, StoreNames.PAIR_LEDGER);
    assertThat(nodes(1))
        .isEqualTo(
            Map.of(
                "enriched", Set.of(),
                "dedup", dedup,
                "ledger", Set.of(StoreNames.PAIR_LEDGER),
                "figures", Set.of(),
                "article-tombstones", Set.of()));
  }

  @Test
  void shouldNameEveryNodeStoreAndTopicOfTheJoin() {
    assertThat(subtopologies).hasSize(4);
    Set<String> stores = new TreeSet<>();
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology s : subtopologies.subList(2, 4)) {
      for (TopologyDescription.Node n : s.nodes()) {
        assertThat(n.name()).doesNotContain("KSTREAM", "KTABLE");
        if (n instanceof TopologyDescription.Processor p) {
          stores.addAll(p.stores());
        }
        if (n instanceof TopologyDescription.Source src) {
          topics.addAll(src.topicSet());
        }
        if (n instanceof TopologyDescription.Sink sink) {
          topics.add(sink.topic());
        }
      }
    }
    assertThat(stores)
        .containsExactlyInAnyOrder(
            StoreNames.EXTRACTED_ARTICLES,
            StoreNames.PUBMED_RECORDS,
            StoreNames.PUBMED_JOIN_SUBSCRIPTIONS,
            StoreNames.ARTICLE_EMITS);
    assertThat(topics)
        .containsExactlyInAnyOrder(
            Topics.EXTRACTED_ARTICLES,
            Topics.PUBMED,
            Topics.ARTICLES,
            StoreNames.PUBMED_JOIN + "-subscription-registration-topic",
            StoreNames.PUBMED_JOIN + "-subscription-response-topic");
  }

  /** A sub-topology's nodes with their stores. */
  private Map<String, Set<String>> nodes(int id) {
    TopologyDescription.Subtopology s = subtopologies.get(id);
    assertThat(s.id()).isEqualTo(id);
    Map<String, Set<String>> nodes = new TreeMap<>();
    for (TopologyDescription.Node n : s.nodes()) {
      nodes.put(
          n.name(),
          n instanceof TopologyDescription.Processor p ? Set.copyOf(p.stores()) : Set.of());
    }
    return nodes;
  }
}
