package org.figstream.connectors.feed.discovery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.http.RetryCounts;
import org.figstream.connectors.feed.sample.BucketContents;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.connectors.feed.sample.StoredObject;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Announcement;
import org.figstream.records.DeadLetter;
import org.figstream.state.FeedIndex;
import reactor.core.publisher.Mono;

/** A bucket emulator, an HTTP client allowed to reach only it, and a feed over a data directory. */
final class FeedFixture implements AutoCloseable {
  static final SampleBucket BUCKET = SampleBucket.load(SampleArticles.root());

  final BucketEmulator emulator;
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final HttpFetcher http;
  final BucketLayout layout;
  final BucketClient client;
  final Path dataDir;
  FeedIndex index;
  final List<Announcement> announced = new CopyOnWriteArrayList<>();
  final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  FeedFixture(Path dataDir, int visibleDays, Faults faults) {
    this(dataDir, BUCKET, visibleDays, faults);
  }

  FeedFixture(Path dataDir, BucketContents contents, int visibleDays, Faults faults) {
    this.dataDir = dataDir;
    emulator = BucketEmulator.start(contents, visibleDays, faults);
    layout = new BucketLayout(emulator.baseUrl());
    http =
        new HttpFetcher(
            HttpSettings.defaults(Set.of("127.0.0.1"))
                .withRate("127.0.0.1", 500)
                .withRetries(6, Duration.ofMillis(10), Duration.ofMillis(100)),
            // HttpSettings' timeouts (10 s, 30 s), not shorter: the tests count every retry as an
            // injected fault, so a slow answer (300 ms) must not time out even when a loaded CI
            // machine stalls this JVM for seconds (CI once counted one retry more than the faults
            // injected, most likely such a timeout)
            metrics);
    client = new BucketClient(layout, http);
    index = new FeedIndex(dataDir.resolve("index"));
  }

  /**
   * The sample bucket with one inventory a day, from 2026-11-20, each listing the sample day given:
   * (1, 2, 2) adds a third day that lists day 2 again; (1, 1, 2) has a day-2 inventory written
   * before day 2's objects appeared (inventories lag the bucket by up to a day). On day d the
   * bucket holds the objects of sample day min(d, 2).
   */
  static BucketContents inventoriesOf(int... listed) {
    return new BucketContents() {
      @Override
      public int days() {
        return listed.length;
      }

      @Override
      public Map<String, StoredObject> objects(int visibleDays) {
        Map<String, StoredObject> out = new TreeMap<>(sampleObjects(Math.min(visibleDays, 2)));
        for (int d = 1; d <= visibleDays; d++) {
          out.putAll(
              BucketContents.inventory(
                  LocalDate.of(2026, 11, 19).plusDays(d) + "T01-00Z",
                  sampleObjects(listed[d - 1])));
        }
        return out;
      }
    };
  }

  private static Map<String, StoredObject> sampleObjects(int day) {
    Map<String, StoredObject> out = new TreeMap<>(BUCKET.objects(day));
    out.keySet().removeIf(k -> k.startsWith(BucketLayout.INVENTORY_PREFIX));
    return out;
  }

  InventoryFeed feed(FeedSettings settings) {
    return new InventoryFeed(
        client,
        index,
        new FileCursorStore(dataDir.resolve("cursor.json")),
        settings,
        dataDir.resolve("work"));
  }

  FeedSinks collecting() {
    return new FeedSinks(
        a -> Mono.fromRunnable(() -> announced.add(a)),
        d -> Mono.fromRunnable(() -> deadLetters.add(d)));
  }

  double retries() {
    return RetryCounts.total(metrics);
  }

  /** Closes and reopens the index, as a restarted process would. */
  void reopenIndex() {
    index.close();
    index = new FeedIndex(dataDir.resolve("index"));
  }

  @Override
  public void close() {
    index.close();
    http.close();
    emulator.close();
  }
}
