package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.records.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Streams state directory (every RocksDB store: version gate, dedup, pair ledger) loses task
 * folders and has others damaged between the sample's two days. The stores come back from their
 * changelogs (a damaged store's folder is removed first, see DamagedStateRecovery), so day 2
 * retires exactly what it should: the retracted and removed articles' pairs and the figure a
 * revision dropped, which only the ledger's restored state knows.
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

      // of the version gate's and dedup and ledger's tasks (0_0 and 0_1: the gate on the topics'
      // two partitions; 1_0: dedup and ledger on figstream-enriched's one), one loses its folder
      // and two get RocksDB files that no longer open
      Path app = dir.resolve("streams/figstream");
      assertThat(app.resolve("1_1")).doesNotExist();
      run.restartAfter(
          state -> {
            deleteTree(app.resolve("0_1"));
            corruptManifests(app.resolve("0_0"));
            corruptManifests(app.resolve("1_0"));
          });
      run.emulator.publishNextDay();
      run.feedAndSettle(Duration.ofSeconds(90));
      // the damaged tasks' folders were removed, made again and restored
      assertThat(manifests(app.resolve("0_0"))).isNotEmpty().allSatisfy(this::notGarbage);
      assertThat(manifests(app.resolve("1_0"))).isNotEmpty().allSatisfy(this::notGarbage);

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

  private static final byte[] GARBAGE =
      "not a RocksDB manifest".getBytes(StandardCharsets.US_ASCII);

  private static List<Path> manifests(Path task) throws IOException {
    try (Stream<Path> files = Files.walk(task)) {
      return files.filter(p -> p.getFileName().toString().startsWith("MANIFEST-")).toList();
    }
  }

  private static void corruptManifests(Path task) throws IOException {
    List<Path> found = manifests(task);
    assertThat(found).as("RocksDB manifests under " + task).isNotEmpty();
    for (Path m : found) {
      Files.write(m, GARBAGE);
    }
  }

  private void notGarbage(Path manifest) {
    try {
      assertThat(Files.readAllBytes(manifest)).isNotEqualTo(GARBAGE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
