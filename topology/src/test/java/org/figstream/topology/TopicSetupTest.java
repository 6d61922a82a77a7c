package org.figstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.figstream.records.Topics;
import org.junit.jupiter.api.Test;

class TopicSetupTest {

  @Test
  void shouldAskTwoInSyncReplicasOfTopicsReplicatedThreeTimes() {
    assertThat(TopicSetup.configs(Topics.FIGURES, (short) 3))
        .containsEntry("min.insync.replicas", "2")
        .containsEntry("cleanup.policy", "compact")
        .containsEntry("max.message.bytes", String.valueOf(TopicSetup.MAX_MESSAGE_BYTES));
    assertThat(TopicSetup.configs(Topics.ARTICLE_VERSIONS, (short) 3))
        .isEqualTo(Map.of("min.insync.replicas", "2"));
  }

  @Test
  void shouldLeaveInSyncReplicasToTheBrokerBelowThreeReplicas() {
    // with 2 replicas, min.insync.replicas 2 would stop every write while one broker is down
    assertThat(TopicSetup.configs(Topics.FIGURES, (short) 2))
        .doesNotContainKey("min.insync.replicas");
    assertThat(TopicSetup.configs(Topics.DLQ, (short) 1)).isEmpty();
  }

  @Test
  void shouldCreateThePubmedJoinsInputsCompactedLikeArticles() {
    assertThat(TopicSetup.TOPICS)
        .containsSubsequence(Topics.EXTRACTED_ARTICLES, Topics.PUBMED, Topics.ARTICLES);
    for (String table : new String[] {Topics.EXTRACTED_ARTICLES, Topics.PUBMED}) {
      assertThat(TopicSetup.configs(table))
          .as(table)
          .isEqualTo(TopicSetup.configs(Topics.ARTICLES))
          .containsEntry("cleanup.policy", "compact");
    }
  }

  @Test
  void shouldGiveDedupsInputItsOwnPartitionCount() {
    // dedup and the ledger read figstream-enriched: its partitions are dedup's scope
    assertThat(TopicSetup.partitions(Topics.ENRICHED, 12, 1)).isEqualTo(1);
    for (String other : TopicSetup.TOPICS) {
      if (!other.equals(Topics.ENRICHED)) {
        assertThat(TopicSetup.partitions(other, 12, 1)).as(other).isEqualTo(12);
      }
    }
  }
}
