package org.figstream.connectors.feed.discovery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.http.RetryCounts;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
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
    this.dataDir = dataDir;
    emulator = BucketEmulator.start(BUCKET, visibleDays, faults);
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
