package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.records.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Streams state directory (every RocksDB store: version gate, dedup, pair ledger) is deleted
 * between the sample's two days. The stores come back from their changelogs, so day 2 retires
 * exactly what it should: the retracted and removed articles' pairs and the figure a revision
 * dropped, which only the ledger's restored state knows.
 */
class LostStreamsStateTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void shouldRestoreTheStoresFromTheirChangelogsAndRetireExactlyWhatDayTwoTakesAway()
      throws Exception {
    try (EmbeddedSampleRun run =
        new EmbeddedSampleRun(
            dir, HttpSettings.defaults(Set.of("127.0.0.1")).withRate("127.0.0.1", 500))) {
      run.feedAndSettle(Duration.ofSeconds(60));
      Map<String, Object> kafka = run.kafka();
      Map<String, byte[]> day1 = TopicCounts.latest(kafka, Topics.FIGURES);
      assertThat(day1).hasSize(79);

      run.restartWithoutStreamsState();
      assertThat(Files.exists(dir.resolve("streams"))).isTrue(); // made again, and restored
      run.emulator.publishNextDay();
      run.feedAndSettle(Duration.ofSeconds(90));

      Map<String, byte[]> live = TopicCounts.latest(kafka, Topics.FIGURES);
      // as in SampleFeedEndToEnd: 79 + 3 (pone.0093988) - 1 (dropped by a revision) - 3
      // (retracted) - 8 (removed)
      assertThat(live).hasSize(70);
      Set<String> expected =
          new TreeSet<>(SampleFeedEndToEnd.extracted(run.bucket, 1, 5, 6, 7, 8, 9).keySet());
      live.keySet().stream().filter(k -> k.startsWith("PMC99000002/")).forEach(expected::add);
      assertThat(new TreeSet<>(live.keySet())).isEqualTo(expected);
      assertThat(live.keySet().stream().filter(k -> k.startsWith("PMC99000002/"))).hasSize(4);
      assertThat(run.pipeline.ledgerCounts(Duration.ofSeconds(30)))
          .isEqualTo(new LedgerCounts(70, 7));
      // nothing published twice: one upsert per pair, two for article 2's (its version 2)
      TopicCounts.upsertsSinceLastTombstone(kafka, Topics.FIGURES)
          .forEach(
              (id, n) -> assertThat(n).as(id).isEqualTo(id.startsWith("PMC99000002/") ? 2 : 1));
    }
  }
}
