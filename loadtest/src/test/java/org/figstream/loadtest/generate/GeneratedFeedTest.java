package org.figstream.loadtest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.discovery.FeedSettings;
import org.figstream.connectors.feed.discovery.FeedSinks;
import org.figstream.connectors.feed.discovery.FileCursorStore;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.StartPolicy;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.loadtest.generate.ArticlePlanner.Fate;
import org.figstream.records.Announcement;
import org.figstream.state.FeedIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The real InventoryFeed and BucketClient over the bucket emulator serving a generated corpus: day
 * by day, the feed announces exactly the versions the generator planned.
 */
class GeneratedFeedTest {
  @TempDir Path dir;

  @Test
  void shouldAnnounceExactlyTheGeneratedVersionsDayByDay() {
    GeneratorSettings settings =
        GeneratorSettings.defaults(23, 8)
            .withArticlesPerDay(3)
            .withShares(0, 0, 0.3, 0.2, 0.2)
            .withLargeImages(0, 0);
    GeneratedBucket bucket = new GeneratedBucket(settings, 64L << 20);
    ArticlePlanner planner = bucket.planner();
    List<Announcement> announced = new CopyOnWriteArrayList<>();
    FeedSinks sinks =
        new FeedSinks(
            a -> Mono.fromRunnable(() -> announced.add(a)), d -> Mono.error(new AssertionError(d)));
    try (BucketEmulator emulator = BucketEmulator.start(bucket, 1, Faults.none());
        HttpFetcher http =
            new HttpFetcher(
                HttpSettings.defaults(Set.of("127.0.0.1"))
                    .withRate("127.0.0.1", 500)
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                new SimpleMeterRegistry());
        FeedIndex index = new FeedIndex(dir.resolve("index"))) {
      InventoryFeed feed =
          new InventoryFeed(
              new BucketClient(new BucketLayout(emulator.baseUrl()), http),
              index,
              new FileCursorStore(dir.resolve("cursor.json")),
              FeedSettings.defaults().withStartPolicy(StartPolicy.BACKFILL),
              dir.resolve("work"));
      List<String> kinds = new ArrayList<>();
      for (int day = 1; day <= settings.days(); day++) {
        if (day > 1) {
          emulator.publishNextDay();
        }
        announced.clear();
        feed.runOnce(sinks).block();

        List<String> expected = new ArrayList<>();
        int[] fresh = bucket.articlesOf(day);
        for (int i = fresh[0]; i < fresh[1]; i++) {
          expected.add("VERSION " + ArticlePlanner.pmcid(i) + ".1 retracted=false");
        }
        int[] before = day == 1 ? new int[] {0, 0} : bucket.articlesOf(day - 1);
        for (int i = before[0]; i < before[1]; i++) {
          Fate fate = planner.fate(i);
          kinds.add(fate.name());
          String id = ArticlePlanner.pmcid(i);
          switch (fate) {
            case REVISED -> expected.add("VERSION " + id + ".2 retracted=false");
            case RETRACTED -> expected.add("VERSION " + id + ".1 retracted=true");
            case REMOVED -> expected.add("REMOVAL " + id + ".1 retracted=false");
            case NONE -> {}
          }
        }
        assertThat(
                announced.stream()
                    .map(
                        a ->
                            a.change()
                                + " "
                                + a.pmcid()
                                + "."
                                + a.version()
                                + " retracted="
                                + (a.metadata() != null && a.metadata().retracted()))
                    .toList())
            .as("day %d", day)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
      assertThat(kinds).contains("REVISED", "RETRACTED", "REMOVED");
    }
  }
}
