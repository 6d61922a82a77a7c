package org.figstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.figstream.topology.DedupTest.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.PublishedFigure;
import org.figstream.state.StoreNames;
import org.figstream.topology.dedup.DedupSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dedup names a canonical pair only while the pair ledger lists it (withdrawn and superseded pairs
 * are no one's canonical pair), and a pair processed again gets the verdict it had. The images and
 * articles are {@link DedupTest}'s.
 */
class DedupLivenessTest {
  @TempDir Path state;

  @Test
  void shouldNameTheNextCopyCanonicalOnceTheArticleOfTheCanonicalPairIsWithdrawn() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, G1),
              EnrichedArticle.withdrawal("PMC1", 1, "retracted"),
              article("PMC2", 1, G1),
              article("PMC3", 1, G1));

      assertThat(live(out).keySet())
          .containsExactly("PMC2/pone-0056489-g001/1", "PMC3/pone-0056489-g001/1");
      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateOf()).isNull();
      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateKind()).isNull();
      // PMC2 took PMC1's place in the exact index
      assertThat(out.get("PMC3/pone-0056489-g001/1").duplicateOf())
          .isEqualTo("PMC2/pone-0056489-g001/1");
      assertThat(out.get("PMC3/pone-0056489-g001/1").duplicateKind()).isEqualTo("exact");
      // PMC2's search, on the same hash, read every list PMC1 was in, and dropped it from them:
      // the index lists PMC2 once under each of the default cut's 4 blocks, and nothing else
      assertThat(nearIndexPairs(t))
          .containsExactly(
              "PMC2/pone-0056489-g001/1",
              "PMC2/pone-0056489-g001/1",
              "PMC2/pone-0056489-g001/1",
              "PMC2/pone-0056489-g001/1");
    }
  }

  /** Every line of every near-index list, as the pair it names. */
  private static List<String> nearIndexPairs(TopologyFixture t) {
    List<String> pairs = new ArrayList<>();
    KeyValueStore<String, String> near = t.driver.getKeyValueStore(StoreNames.DEDUP_NEAR);
    try (KeyValueIterator<String, String> all = near.all()) {
      all.forEachRemaining(
          kv -> {
            for (String line : kv.value.split("\n")) {
              pairs.add(line.substring(0, line.lastIndexOf('=')));
            }
          });
    }
    return pairs;
  }

  @Test
  void shouldPublishTheNextCopyUnderDropOnceARevisionSupersedesTheCanonicalPair() {
    try (TopologyFixture t = new TopologyFixture(state, new DedupSettings(6, true))) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, G1),
              articleWith("PMC1", 2), // the revision has the figure no more
              article("PMC2", 1, G1_AGAIN),
              article("PMC3", 1, G1));

      assertThat(out).containsEntry("PMC1/pone-0056489-g001/1", null);
      // the near copy is the image's canonical pair now; the exact copy of the old one is its
      // near duplicate (the exact index's dead entry replaced, the near index's skipped)
      assertThat(live(out).keySet()).containsExactly("PMC2/pone-0056489-g001/1");
      assertThat(out.get("PMC2/pone-0056489-g001/1").duplicateOf()).isNull();
    }
  }

  @Test
  void shouldNotNameAPairThatTheVersionInProcessDrops() {
    assertThat(pair("PMC1", 2)).isEqualTo("PMC1/pone-0056489-t001/1");
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.enriched.pipeInput("PMC1", articleWith("PMC1", 1, G1));
      // version 2 shows the image in its second pair, and has the first no more
      t.enriched.pipeInput("PMC1", articleWith("PMC1", 2, null, G1));
      t.enriched.pipeInput("PMC1", articleWith("PMC1", 3, null, G1_AGAIN));
      List<TestRecord<String, PublishedFigure>> out = t.figures.readRecordsToList();

      assertThat(out)
          .extracting(TestRecord::key, r -> r.value() == null ? "tombstone" : "upsert")
          .containsExactly(
              tuple(pair("PMC1", 1), "upsert"),
              tuple(pair("PMC1", 1), "tombstone"),
              tuple(pair("PMC1", 2), "upsert"),
              tuple(pair("PMC1", 2), "upsert"));
      assertThat(out.get(2).value().duplicateOf()).isNull();
      // version 3 re-encodes the image: near the first pair's old listing, gone, and its own
      assertThat(out.get(3).value().duplicateOf()).isNull();
    }
  }

  @Test
  void shouldNameAPairOfTheVersionInProcessThatTheLedgerHasNotSeenYet() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out =
          publish(t, articleWith("PMC1", 1, G2), articleWith("PMC1", 2, G2, G1, G1));

      assertThat(out.get(pair("PMC1", 1)).duplicateOf()).isNull();
      assertThat(out.get(pair("PMC1", 2)).duplicateOf()).isNull();
      assertThat(out.get(pair("PMC1", 3)).duplicateOf()).isEqualTo(pair("PMC1", 2));
      assertThat(out.get(pair("PMC1", 3)).duplicateKind()).isEqualTo("exact");
    }
  }

  @Test
  void shouldNameANearPairOfTheVersionInProcessThatTheLedgerHasNotSeenYet() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      Map<String, PublishedFigure> out =
          publish(t, articleWith("PMC1", 1, G2), articleWith("PMC1", 2, G2, G1, G1_AGAIN));

      assertThat(out.get(pair("PMC1", 2)).duplicateOf()).isNull();
      assertThat(out.get(pair("PMC1", 3)).duplicateOf()).isEqualTo(pair("PMC1", 2));
      assertThat(out.get(pair("PMC1", 3)).duplicateKind()).isEqualTo("near");
    }
  }

  @Test
  void shouldKeepANearDuplicateANearDuplicateWhenItIsProcessedAgain() {
    try (TopologyFixture t = new TopologyFixture(state)) {
      t.enriched.pipeInput("PMC1", article("PMC1", 1, G1));
      t.enriched.pipeInput("PMC3", article("PMC3", 1, G1_AGAIN));
      t.enriched.pipeInput("PMC3", article("PMC3", 2, G1_AGAIN)); // a revision keeping it
      t.enriched.pipeInput("PMC3", article("PMC3", 2, G1_AGAIN)); // its files replaced
      List<TestRecord<String, PublishedFigure>> out = t.figures.readRecordsToList();

      assertThat(out)
          .extracting(TestRecord::key, r -> r.value().duplicateOf(), r -> r.value().duplicateKind())
          .containsExactly(
              tuple("PMC1/pone-0056489-g001/1", null, null),
              tuple("PMC3/pone-0056489-g001/1", "PMC1/pone-0056489-g001/1", "near"),
              tuple("PMC3/pone-0056489-g001/1", "PMC1/pone-0056489-g001/1", "near"),
              tuple("PMC3/pone-0056489-g001/1", "PMC1/pone-0056489-g001/1", "near"));
    }
  }

  @Test
  void shouldKeepDroppingANearDuplicateWhenItIsProcessedAgain() {
    try (TopologyFixture t = new TopologyFixture(state, new DedupSettings(6, true))) {
      Map<String, PublishedFigure> out =
          publish(
              t,
              article("PMC1", 1, G1),
              article("PMC3", 1, G1_AGAIN),
              article("PMC3", 2, G1_AGAIN),
              article("PMC3", 2, G1_AGAIN));

      assertThat(out.keySet()).containsExactly("PMC1/pone-0056489-g001/1");
    }
  }
}
