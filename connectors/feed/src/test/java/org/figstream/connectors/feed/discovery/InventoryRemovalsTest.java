package org.figstream.connectors.feed.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.figstream.connectors.feed.discovery.InventoryFeedTest.BACKFILL;
import static org.figstream.connectors.feed.discovery.InventoryFeedTest.esearch;
import static org.figstream.connectors.feed.discovery.InventoryFeedTest.versions;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.state.FeedIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * Removals, which withdraw an article downstream: announced only by a pass whose index stamped
 * every row before its cursor, never for a row still listed (its metadata failed, or esearch found
 * it before an inventory listed it). The sample bucket's days as in {@link InventoryFeedTest}.
 */
class InventoryRemovalsTest {
  @TempDir Path dir;

  @Test
  void shouldLeaveRemovalsToTheNextWholePassWhenResumingMidInventory() {
    try (FeedFixture f =
        new FeedFixture(dir, FeedFixture.inventoriesOf(1, 2, 2), 1, Faults.none())) {
      f.feed(BACKFILL).runOnce(f.collecting()).block();
      f.announced.clear();
      f.emulator.publishNextDay();
      // another instance did day 2's first part (articles 1-5) and lost the feed: this index saw
      // only day 1, so those rows still carry day 1's stamp here
      new FileCursorStore(f.dataDir.resolve("cursor.json"))
          .save(new FeedCursor("2026-11-21T01-00Z", 1, 0, false, false));

      FeedRun resumed = f.feed(BACKFILL).runOnce(f.collecting()).block();

      assertThat(versions(f.announced)).containsExactly("VERSION PMC99000009.1");
      assertThat(resumed.rows()).isEqualTo(5);
      assertThat(resumed.removed()).isZero();

      f.announced.clear();
      f.emulator.publishNextDay();
      FeedRun whole = f.feed(BACKFILL).runOnce(f.collecting()).block();

      assertThat(versions(f.announced))
          .containsExactly(
              "VERSION PMC99000002.2", "VERSION PMC99000003.1", "REMOVAL PMC99000004.1");
      assertThat(whole.removed()).isEqualTo(1);
    }
  }

  @Test
  void shouldLeaveRemovalsToTheNextWholePassAfterACrashBetweenACommitAndItsIndexWrites() {
    try (FeedFixture f =
        new FeedFixture(dir, FeedFixture.inventoriesOf(1, 2, 2), 1, Faults.none())) {
      f.feed(BACKFILL).runOnce(f.collecting()).block();
      f.emulator.publishNextDay();
      // a store that commits the deliveries with the cursor, then the process dies before the
      // index writes that commit made final (part 1's rows)
      FileCursorStore file = new FileCursorStore(f.dataDir.resolve("cursor.json"));
      CursorStore crashing =
          new CursorStore() {
            @Override
            public Optional<FeedCursor> load() {
              return file.load();
            }

            @Override
            public void save(FeedCursor cursor) {
              file.save(cursor);
              throw new IllegalStateException("simulated crash after the commit");
            }

            @Override
            public boolean commitsDeliveries() {
              return true;
            }
          };
      assertThatThrownBy(
              () ->
                  new InventoryFeed(f.client, f.index, crashing, BACKFILL, f.dataDir.resolve("w"))
                      .runOnce(f.collecting())
                      .block())
          .hasMessageContaining("simulated crash after the commit");
      f.reopenIndex();
      f.announced.clear();

      FeedRun resumed = f.feed(BACKFILL).runOnce(f.collecting()).block();

      assertThat(versions(f.announced)).containsExactly("VERSION PMC99000009.1");
      assertThat(resumed.removed()).isZero();

      f.announced.clear();
      f.emulator.publishNextDay();
      f.feed(BACKFILL).runOnce(f.collecting()).block();

      // 2.2 and 3.1 again: their index writes were lost (a replay downstream), and 4.1's removal
      assertThat(versions(f.announced))
          .containsExactly(
              "VERSION PMC99000002.2", "VERSION PMC99000003.1", "REMOVAL PMC99000004.1");
    }
  }

  @Test
  void shouldDecideRemovalsWhenResumingAPassWhoseRowsItsIndexStamped() {
    try (FeedFixture f = new FeedFixture(dir, 1, Faults.none())) {
      f.feed(BACKFILL).runOnce(f.collecting()).block();
      f.emulator.publishNextDay();
      AtomicInteger delivered = new AtomicInteger();
      FeedSinks crashing =
          new FeedSinks(
              a ->
                  delivered.incrementAndGet() == 2
                      ? Mono.error(new IllegalStateException("simulated crash"))
                      : Mono.empty(),
              d -> Mono.empty());
      assertThatThrownBy(() -> f.feed(BACKFILL.withCheckpointEvery(2)).runOnce(crashing).block())
          .hasMessageContaining("simulated crash");
      f.reopenIndex();
      f.announced.clear();

      FeedRun resumed = f.feed(BACKFILL.withCheckpointEvery(2)).runOnce(f.collecting()).block();

      // from the checkpoint after 2.1: 2.2 was delivered before the crash and is in the index
      assertThat(versions(f.announced))
          .containsExactly(
              "VERSION PMC99000003.1", "VERSION PMC99000009.1", "REMOVAL PMC99000004.1");
      assertThat(resumed.removed()).isEqualTo(1);
    }
  }

  @Test
  void shouldKeepARowWhoseMetadataFailsListedWithItsOldEtag() {
    try (FeedFixture f =
        new FeedFixture(dir, FeedFixture.inventoriesOf(1, 2, 2), 1, Faults.none())) {
      f.feed(BACKFILL).runOnce(f.collecting()).block();
      f.announced.clear();
      String retracted = "metadata/PMC99000003.1.json";
      String dayOneEtag = f.index.get(retracted).etag();
      f.emulator.publishNextDay();
      f.emulator.withhold(retracted);

      FeedRun run = f.feed(BACKFILL).runOnce(f.collecting()).block();

      assertThat(versions(f.announced))
          .containsExactly(
              "VERSION PMC99000002.2", "VERSION PMC99000009.1", "REMOVAL PMC99000004.1");
      assertThat(run.failed()).isEqualTo(1);
      assertThat(f.deadLetters)
          .extracting(d -> d.pmcid() + " " + d.reason())
          .containsExactly("PMC99000003 http-404");
      assertThat(f.index.get(retracted))
          .isEqualTo(new FeedIndex.Entry(dayOneEtag, "2026-11-21T01-00Z"));

      f.announced.clear();
      f.emulator.withhold(null);
      f.emulator.publishNextDay();
      f.feed(BACKFILL).runOnce(f.collecting()).block();

      assertThat(versions(f.announced)).containsExactly("VERSION PMC99000003.1");
    }
  }

  @Test
  void shouldNotRemoveEsearchReleasesThatTheNextInventoryDoesNotListYet() {
    try (FeedFixture f =
        new FeedFixture(dir, FeedFixture.inventoriesOf(1, 1, 2), 1, Faults.none())) {
      f.feed(BACKFILL).runOnce(f.collecting()).block();
      f.emulator.publishNextDay();
      assertThat(esearch(f, null).discover(LocalDate.of(2026, 11, 20), f.collecting()).block())
          .isEqualTo(2);
      f.announced.clear();

      // day 2's inventory was written before day 2's releases: it lists day 1's objects
      FeedRun lagging = f.feed(BACKFILL).runOnce(f.collecting()).block();

      assertThat(f.announced).isEmpty();
      assertThat(lagging.unchanged()).isEqualTo(9);
      assertThat(lagging.removed()).isZero();

      f.emulator.publishNextDay();
      f.feed(BACKFILL).runOnce(f.collecting()).block();

      // esearch stamped no ETag: the first inventory that lists 2.2 and 9.1 announces them again
      assertThat(versions(f.announced))
          .containsExactly(
              "VERSION PMC99000002.2",
              "VERSION PMC99000003.1",
              "VERSION PMC99000009.1",
              "REMOVAL PMC99000004.1");
    }
  }
}
