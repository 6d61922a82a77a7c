package org.figstream.connectors.feed.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.RetryCounts;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The inventory feed against the bucket emulator over loopback. The sample bucket's days (see
 * SampleBucket): day 1 holds articles 1-8 and a non-OA manuscript; day 2 adds article 9 and version
 * 2 of article 2, retracts article 3 and removes article 4. {@link FeedFixture#inventoriesOf} gives
 * a third day, or an inventory that lags the bucket.
 */
class InventoryFeedTest {
  static final FeedSettings BACKFILL =
      FeedSettings.defaults().withStartPolicy(StartPolicy.BACKFILL);

  @TempDir Path dir;

  static List<String> versions(List<Announcement> announcements) {
    return announcements.stream()
        .map(a -> a.change() + " " + a.pmcid() + "." + a.version())
        .toList();
  }

  @Test
  void shouldAnnounceEveryOpenAccessVersionOnABackfill() throws Exception {
    try (FeedFixture f = new FeedFixture(dir, 1, Faults.none())) {
      FeedRun run = f.feed(BACKFILL).runOnce(f.collecting()).block();

      assertThat(versions(f.announced))
          .containsExactly(
              "VERSION PMC99000001.1",
              "VERSION PMC99000002.1",
              "VERSION PMC99000003.1",
              "VERSION PMC99000004.1",
              "VERSION PMC99000005.1",
              "VERSION PMC99000006.1",
              "VERSION PMC99000007.1",
              "VERSION PMC99000008.1");
      assertThat(run.rows()).isEqualTo(9);
      assertThat(run.skipped()).isEqualTo(1); // the manuscript, not open access
      assertThat(run.inventory()).isEqualTo("2026-11-20T01-00Z");

      ArticleMetadata first = f.announced.get(0).metadata();
      Path xml = SampleArticles.root().resolve("elife-19405/elife-19405.xml");
      assertThat(first.doi()).isEqualTo("10.7554/eLife.19405");
      assertThat(first.title()).isEqualTo("Cellular fingers take hold");
      assertThat(first.licenseCode()).isEqualTo("CC BY");
      assertThat(first.xml().md5()).isEqualTo(HttpFetcher.md5Hex(Files.readAllBytes(xml)));
      assertThat(first.media())
          .extracting(m -> m.fileName())
          .containsExactly("elife-19405-fig1.tif", "elife-19405-inf1.tif");
    }
  }

  @Test
  void shouldAnnounceExactlyTheChangesOfTheNextDay() {
    try (FeedFixture f = new FeedFixture(dir, 1, Faults.none())) {
      f.feed(BACKFILL).runOnce(f.collecting()).block();
      f.announced.clear();
      f.emulator.publishNextDay();

      FeedRun run = f.feed(BACKFILL).runOnce(f.collecting()).block();

      assertThat(versions(f.announced))
          .containsExactly(
              "VERSION PMC99000002.2",
              "VERSION PMC99000003.1",
              "VERSION PMC99000009.1",
              "REMOVAL PMC99000004.1");
      assertThat(f.announced.get(1).metadata().retracted()).isTrue();
      assertThat(f.announced.get(1).withdraws()).isTrue();
      assertThat(f.announced.get(3).withdraws()).isTrue();
      assertThat(run.unchanged()).isEqualTo(7);
      assertThat(run.removed()).isEqualTo(1);

      f.announced.clear();
      assertThat(f.feed(BACKFILL).runOnce(f.collecting()).block().upToDate()).isTrue();
      assertThat(f.announced).isEmpty();
    }
  }

  @Test
  void shouldRecordButNotAnnounceOnAFirstStartFromNow() {
    try (FeedFixture f = new FeedFixture(dir, 1, Faults.none())) {
      FeedSettings fromNow = FeedSettings.defaults().withStartPolicy(StartPolicy.FROM_NOW);
      FeedRun first = f.feed(fromNow).runOnce(f.collecting()).block();
      f.emulator.publishNextDay();
      f.feed(fromNow).runOnce(f.collecting()).block();

      assertThat(first.skipped()).isEqualTo(9);
      assertThat(versions(f.announced))
          .containsExactly(
              "VERSION PMC99000002.2",
              "VERSION PMC99000003.1",
              "VERSION PMC99000009.1",
              "REMOVAL PMC99000004.1");
    }
  }

  @Test
  void shouldResumeARestartMidInventoryWithNoGapAndNoDuplicate() {
    try (FeedFixture f = new FeedFixture(dir, 1, Faults.none())) {
      AtomicInteger delivered = new AtomicInteger();
      FeedSinks crashing =
          new FeedSinks(
              a ->
                  delivered.incrementAndGet() == 6
                      ? Mono.error(new IllegalStateException("simulated crash"))
                      : Mono.fromRunnable(() -> f.announced.add(a)),
              d -> Mono.empty());
      assertThatThrownBy(() -> f.feed(BACKFILL.withCheckpointEvery(2)).runOnce(crashing).block())
          .hasMessageContaining("simulated crash");
      assertThat(f.announced).hasSize(5);

      f.reopenIndex();
      FeedRun resumed = f.feed(BACKFILL.withCheckpointEvery(2)).runOnce(f.collecting()).block();

      assertThat(versions(f.announced))
          .containsExactly(
              "VERSION PMC99000001.1",
              "VERSION PMC99000002.1",
              "VERSION PMC99000003.1",
              "VERSION PMC99000004.1",
              "VERSION PMC99000005.1",
              "VERSION PMC99000006.1",
              "VERSION PMC99000007.1",
              "VERSION PMC99000008.1");
      assertThat(resumed.rows()).isLessThan(9); // it started from the checkpoint, not from the top
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void shouldAnnounceEveryVersionDespiteTwentyPercentFaults() {
    try (FeedFixture f = new FeedFixture(dir, 2, Faults.all(0.2, 42))) {
      FeedRun run = f.feed(BACKFILL).runOnce(f.collecting()).block();

      assertThat(run.failed()).isZero();
      assertThat(f.deadLetters).isEmpty();
      assertThat(f.announced).hasSize(9); // day 2: articles 1-3 and 5-9, version 2 of article 2
      long failing =
          f.emulator.faultsInjected().entrySet().stream()
              .filter(e -> e.getKey() != Faults.Kind.SLOW)
              .mapToLong(e -> e.getValue())
              .sum();
      assertThat(failing).isPositive();
      assertThat(f.retries())
          .as(RetryCounts.byReason(f.metrics) + " against injected " + f.emulator.faultsInjected())
          .isEqualTo((double) failing);
    }
  }

  @Test
  void shouldSendTheEsearchApiKeyInABodyAndNeverPrintIt() {
    try (FeedFixture f = new FeedFixture(dir, 1, Faults.none())) {
      f.feed(BACKFILL).runOnce(f.collecting()).block();
      f.announced.clear();
      f.emulator.publishNextDay();
      EsearchDiscovery esearch = esearch(f, "SECRET-KEY-42");
      java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 20);

      assertThat(esearch.searchUrl(day)).doesNotContain("SECRET-KEY-42");
      assertThat(esearch.discover(day, f.collecting()).block()).isEqualTo(2);
      assertThat(versions(f.announced))
          .containsExactly("VERSION PMC99000002.2", "VERSION PMC99000009.1");
      // the key reached NCBI's side, in the body of a POST to a URL without it
      assertThat(f.emulator.esearches())
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r)
                      .startsWith("POST /entrez/eutils/esearch.fcgi body: db=pmc&")
                      .endsWith("&api_key=SECRET-KEY-42"));

      // a failure quotes the URL it failed on: the key is not in it
      f.emulator.outage(true);
      assertThatThrownBy(() -> esearch.discover(day.plusDays(1), f.collecting()).block())
          .hasMessageContaining("esearch.fcgi")
          .hasMessageNotContaining("SECRET-KEY-42");
    }
  }

  @Test
  void shouldAnnounceTodaysReleasesThroughEsearch() {
    try (FeedFixture f = new FeedFixture(dir, 1, Faults.none())) {
      f.feed(BACKFILL).runOnce(f.collecting()).block();
      f.announced.clear();
      f.emulator.publishNextDay();
      EsearchDiscovery esearch = esearch(f, null);

      long found = esearch.discover(java.time.LocalDate.of(2026, 11, 20), f.collecting()).block();

      // released on 2026-11-20: articles 2 (version 2), 3 and 9; version 1 of 2 and article 3 are
      // known
      // already (the retraction of 3 is a change the next inventory reports, not a release)
      assertThat(found).isEqualTo(2);
      assertThat(versions(f.announced))
          .containsExactly("VERSION PMC99000002.2", "VERSION PMC99000009.1");
      assertThat(esearch.searchUrl(java.time.LocalDate.of(2026, 11, 20)))
          .contains(
              "term=2026%2F11%2F20%5Bpmcrdat%5D",
              "tool=figstream", "email=figstream%40example.org");
    }
  }

  /** esearch on the emulator, as tool figstream with a contact address and {@code apiKey}. */
  static EsearchDiscovery esearch(FeedFixture f, String apiKey) {
    EsearchSettings on =
        new EsearchSettings(
            true,
            f.emulator.baseUrl() + "/entrez/eutils",
            "figstream",
            "figstream@example.org",
            apiKey);
    return new EsearchDiscovery(on, f.http, f.client, f.index);
  }
}
