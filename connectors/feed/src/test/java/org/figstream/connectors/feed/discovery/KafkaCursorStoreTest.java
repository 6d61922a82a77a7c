package org.figstream.connectors.feed.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Announcement;
import org.figstream.state.FeedIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The feed's cursor in a compacted topic of the in-process KRaft broker, across broker restarts.
 */
class KafkaCursorStoreTest {

  @TempDir Path dir;

  @Test
  void shouldKeepTheCursorInAKafkaTopicAcrossARestartOfTheBroker() {
    FeedCursor cursor = new FeedCursor("2026-11-20T01-00Z", 1, 1000, false, false);
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"));
        KafkaCursorStore store =
            new KafkaCursorStore(broker.clientConfig(), "bucket-a", (short) 1)) {
      assertThat(store.load()).isEmpty();
      store.save(new FeedCursor("2026-11-20T01-00Z", 0, 1000, false, false));
      store.save(cursor);
      try (KafkaCursorStore other =
          new KafkaCursorStore(broker.clientConfig(), "bucket-b", (short) 1)) {
        other.save(new FeedCursor("2026-11-21T01-00Z", 0, 0, true, true));
      }
    }
    try (EmbeddedBroker restarted = EmbeddedBroker.start(dir.resolve("kafka"));
        KafkaCursorStore store =
            new KafkaCursorStore(restarted.clientConfig(), "bucket-a", (short) 1)) {
      assertThat(store.load()).contains(cursor);
    }
  }

  @Test
  void shouldLetAFeedResumeFromItsKafkaCursor() {
    SampleBucket bucket = SampleBucket.load(SampleArticles.root());
    List<Announcement> announced = new CopyOnWriteArrayList<>();
    FeedSinks sinks =
        new FeedSinks(a -> Mono.fromRunnable(() -> announced.add(a)), d -> Mono.empty());
    FeedSettings backfill = FeedSettings.defaults().withStartPolicy(StartPolicy.BACKFILL);
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"));
        BucketEmulator emulator = BucketEmulator.start(bucket, 1, Faults.none());
        HttpFetcher http =
            new HttpFetcher(HttpSettings.defaults(Set.of("127.0.0.1")), new SimpleMeterRegistry());
        FeedIndex index = new FeedIndex(dir.resolve("index"));
        KafkaCursorStore cursors =
            new KafkaCursorStore(broker.clientConfig(), emulator.baseUrl(), (short) 1)) {
      BucketClient client = new BucketClient(new BucketLayout(emulator.baseUrl()), http);
      new InventoryFeed(client, index, cursors, backfill, dir.resolve("work"))
          .runOnce(sinks)
          .block();
      emulator.publishNextDay();
      new InventoryFeed(client, index, cursors, backfill, dir.resolve("work"))
          .runOnce(sinks)
          .block();

      assertThat(announced).hasSize(8 + 4);
      assertThat(cursors.load())
          .hasValueSatisfying(
              c -> {
                assertThat(c.inventory()).isEqualTo("2026-11-21T01-00Z");
                assertThat(c.complete()).isTrue();
              });
      assertThat(
              new InventoryFeed(client, index, cursors, backfill, dir.resolve("work"))
                  .runOnce(sinks)
                  .block()
                  .upToDate())
          .isTrue();
    }
  }
}
