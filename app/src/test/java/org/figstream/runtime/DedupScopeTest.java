package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedupScopeTest {

  @Test
  void shouldSayNothingWhenOnePartitionFindsEveryDuplicateAsAsked() {
    assertThat(DedupScope.note(1, 1)).isNull();
  }

  @Test
  void shouldSayWhatSpreadDedupMissesWhenAskedFor() {
    assertThat(DedupScope.note(4, 4))
        .isEqualTo(
            "dedup runs on 4 partitions of figstream-enriched: an image shown by articles on"
                + " different partitions is not found to be a duplicate");
  }

  @Test
  void shouldSayThatAnExistingTopicKeepsItsPartitions() {
    // a deployment from before --dedup-partitions: its topic has the partitions of the others
    assertThat(DedupScope.note(2, 1))
        .isEqualTo(
            "dedup runs on 2 partitions of figstream-enriched: an image shown by articles on"
                + " different partitions is not found to be a duplicate (--dedup-partitions 1"
                + " applies where the topic is created; an existing topic keeps its partitions)");
    assertThat(DedupScope.note(1, 6))
        .isEqualTo(
            "dedup runs on 1 partition of figstream-enriched: every duplicate is found"
                + " (--dedup-partitions 6 applies where the topic is created; an existing topic"
                + " keeps its partitions)");
  }
}
