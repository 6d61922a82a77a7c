package org.figstream.connectors.feed.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.records.Announcement;
import org.figstream.state.FeedIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * Two followers of one feed (each with its own index, as on two machines) against one in-process
 * KRaft broker and the sample bucket emulator: whatever their timing, each version of the inventory
 * is on article-versions exactly once for a read_committed consumer.
 */
class FeedFencingTest {
  private static final String FEED = "sample-feed";
  private static final String VERSIONS = "article-versions";
  private static final String DLQ = "dlq";
  private static final FeedSettings BACKFILL =
      FeedSettings.defaults().withStartPolicy(StartPolicy.BACKFILL);
  private static final Map<String, Long> EVERY_VERSION_ONCE =
      Map.of(
          "VERSION PMC99000001.1", 1L,
          "VERSION PMC99000002.1", 1L,
          "VERSION PMC99000003.1", 1L,
          "VERSION PMC99000004.1", 1L,
          "VERSION PMC99000005.1", 1L,
          "VERSION PMC99000006.1", 1L,
          "VERSION PMC99000007.1", 1L,
          "VERSION PMC99000008.1", 1L);

  @TempDir Path dir;

  /** One follower: its own index and work folder, a fenced cursor store, the feed. */
  private static final class Follower implements AutoCloseable {
    final FeedIndex index;
    final KafkaCursorStore store;
    final InventoryFeed feed;

    Follower(Path home, Map<String, Object> kafka, BucketClient bucket, FeedSettings settings) {
      index = new FeedIndex(home.resolve("index"));
      store = KafkaCursorStore.fenced(kafka, FEED, (short) 1, true);
      feed = new InventoryFeed(bucket, index, store, settings, home.resolve("work"));
    }

    /** Announcements and dead letters through the store, in its transaction. */
    FeedSinks sinks() {
      return new FeedSinks(
          a ->
              store.send(
                  new ProducerRecord<>(
                      VERSIONS, a.pmcid(), text(a).getBytes(StandardCharsets.UTF_8))),
          d ->
              store.send(
                  new ProducerRecord<>(
                      DLQ,
                      d.pmcid(),
                      (d.pmcid() + " " + d.reason()).getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public void close() {
      store.close();
      index.close();
    }
  }

  private static String text(Announcement a) {
    return a.change() + " " + a.pmcid() + "." + a.version();
  }

  private static void createTopics(Map<String, Object> kafka) throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      admin
          .createTopics(
              List.of(new NewTopic(VERSIONS, 3, (short) 1), new NewTopic(DLQ, 1, (short) 1)))
          .all()
          .get();
    }
  }

  /** How many times each announcement is on the topic, for a read_committed consumer. */
  private static Map<String, Long> committedCounts(Map<String, Object> kafka, String topic) {
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, Long> counts = new TreeMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          counts.merge(r.value(), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  /** One broker with the topics, the sample bucket's emulator (day 1) and a client for it. */
  private static final class Shared implements AutoCloseable {
    final EmbeddedBroker broker;
    final BucketEmulator emulator;
    final HttpFetcher http;
    final Map<String, Object> kafka;
    final BucketClient bucket;

    Shared(Path dir) throws Exception {
      this(dir, Faults.none(), HttpSettings.defaults(Set.of("127.0.0.1")));
    }

    Shared(Path dir, Faults faults, HttpSettings httpSettings) throws Exception {
      broker = EmbeddedBroker.start(dir.resolve("kafka"));
      emulator = BucketEmulator.start(FeedFixture.BUCKET, 1, faults);
      http = new HttpFetcher(httpSettings, new SimpleMeterRegistry());
      kafka = broker.clientConfig();
      createTopics(kafka);
      bucket = new BucketClient(new BucketLayout(emulator.baseUrl()), http);
    }

    @Override
    public void close() {
      http.close();
      emulator.close();
      broker.close();
    }
  }

  @Test
  void shouldLetOneOfTwoFollowersStartedAtOnceAnnounceAndTheOtherTakeOverWhenItLeaves()
      throws Exception {
    try (Shared shared = new Shared(dir)) {
      Map<String, Object> kafka = shared.kafka;
      CountDownLatch go = new CountDownLatch(1);
      Map<String, CompletableFuture<String>> outcomes = new TreeMap<>();
      Map<String, Follower> followers = new TreeMap<>();
      Map<String, FeedLeadership> leaderships = new java.util.concurrent.ConcurrentHashMap<>();
      for (String name : List.of("a", "b")) {
        Follower follower = new Follower(dir.resolve(name), kafka, shared.bucket, BACKFILL);
        followers.put(name, follower);
        outcomes.put(
            name,
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    go.await();
                    FeedLeadership leadership = new FeedLeadership(kafka, FEED);
                    leaderships.put(name, leadership);
                    if (!leadership.awaitDecided(Duration.ofSeconds(60))) {
                      return "standby";
                    }
                    FeedRun run = follower.feed.runOnce(follower.sinks()).block();
                    return "leader, announced " + run.announced();
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                }));
      }
      go.countDown();
      Map<String, String> results = new TreeMap<>();
      for (var outcome : outcomes.entrySet()) {
        results.put(outcome.getKey(), outcome.getValue().get(120, TimeUnit.SECONDS));
      }

      assertThat(results.values()).containsExactlyInAnyOrder("leader, announced 8", "standby");
      assertThat(committedCounts(kafka, VERSIONS)).isEqualTo(EVERY_VERSION_ONCE);

      // the leader leaves: the standby is assigned the partition and resumes from the cursor
      String leader = results.get("a").equals("standby") ? "b" : "a";
      String standby = leader.equals("a") ? "b" : "a";
      leaderships.get(leader).close();
      followers.get(leader).close();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!leaderships.get(standby).isLeader()) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(50);
      }
      Follower next = followers.get(standby);
      assertThat(next.feed.runOnce(next.sinks()).block().upToDate()).isTrue();
      assertThat(committedCounts(kafka, VERSIONS)).isEqualTo(EVERY_VERSION_ONCE);
      leaderships.get(standby).close();
      next.close();
    }
  }

  @Test
  void shouldFenceAFollowerThatKeepsAnnouncingAfterAnotherTookTheFeed() throws Exception {
    FeedSettings every3 = BACKFILL.withCheckpointEvery(3);
    try (Shared shared = new Shared(dir)) {
      Map<String, Object> kafka = shared.kafka;
      try (Follower a = new Follower(dir.resolve("a"), kafka, shared.bucket, every3);
          Follower b = new Follower(dir.resolve("b"), kafka, shared.bucket, every3)) {
        // a stalls (a long pause, a partition) before its fifth announcement, b takes the feed
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<String> stallThread = new AtomicReference<>();
        FeedSinks direct = a.sinks();
        FeedSinks stalling =
            new FeedSinks(
                ann -> {
                  if (calls.incrementAndGet() == 5) {
                    stallThread.set(Thread.currentThread().getName());
                    stalled.countDown();
                    try {
                      resume.await();
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                  }
                  return direct.announcements().apply(ann);
                },
                direct.deadLetters());
        CompletableFuture<FeedRun> zombie =
            CompletableFuture.supplyAsync(() -> a.feed.runOnce(stalling).block());
        assertThat(stalled.await(60, TimeUnit.SECONDS)).isTrue();
        // a's pause holds none of the HTTP client's event loops, which b's fetches share: b's
        // requests on a blocked loop would each wait out the fetcher's 80 s attempt timeout
        assertThat(stallThread.get()).doesNotStartWith("reactor-http");

        FeedRun taken = b.feed.runOnce(b.sinks()).block();
        resume.countDown();

        assertThatThrownBy(() -> zombie.get(60, TimeUnit.SECONDS))
            .hasCauseInstanceOf(FeedFencedException.class)
            .cause()
            .hasMessage(
                "another follower of this feed took its transactional id figstream-feed-"
                    + FEED
                    + ": this one stops announcing (its uncommitted announcements are aborted)");
        assertThat(taken.announced()).isEqualTo(5);
        assertThat(committedCounts(kafka, VERSIONS)).isEqualTo(EVERY_VERSION_ONCE);
        assertThat(b.store.load()).contains(new FeedCursor("2026-11-20T01-00Z", 2, 0, true, false));
        // the fenced follower may take the feed back: it resumes from b's cursor, with nothing left
        assertThat(a.feed.runOnce(a.sinks()).block().upToDate()).isTrue();
        assertThat(committedCounts(kafka, VERSIONS)).isEqualTo(EVERY_VERSION_ONCE);
      }
    }
  }

  @Test
  void shouldPutEachDeadLetterOnDlqOnceAcrossACrash() throws Exception {
    FeedSettings every3 = BACKFILL.withCheckpointEvery(3);
    // every metadata body is corrupted (its MD5 is not the inventory's ETag), and not retried:
    // every metadata row is a dead letter (a 503 would be waited out, not dead-lettered)
    try (Shared shared =
        new Shared(
            dir,
            Faults.only(Faults.Kind.WRONG_BODY, 1.0, 1000).under("metadata/"),
            HttpSettings.defaults(Set.of("127.0.0.1"))
                .withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1)))) {
      Map<String, Object> kafka = shared.kafka;
      try (Follower a = new Follower(dir.resolve("a"), kafka, shared.bucket, every3)) {
        AtomicInteger calls = new AtomicInteger();
        FeedSinks direct = a.sinks();
        FeedSinks crashing =
            new FeedSinks(
                direct.announcements(),
                d ->
                    calls.incrementAndGet() == 5
                        ? Mono.error(new IllegalStateException("simulated crash"))
                        : direct.deadLetters().apply(d));
        assertThatThrownBy(() -> a.feed.runOnce(crashing).block())
            .hasMessageContaining("simulated crash");
      } // the crashed follower's open transaction (dead letter 4) is aborted
      FeedRun resumed;
      try (Follower restarted = new Follower(dir.resolve("a"), kafka, shared.bucket, every3)) {
        resumed = restarted.feed.runOnce(restarted.sinks()).block();
      }

      assertThat(resumed.failed()).isEqualTo(6); // from the checkpoint after row 3
      // the 8 open-access versions and the manuscript (PMC99000010), each once
      Map<String, Long> once = new TreeMap<>();
      for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 10}) {
        once.put(String.format("PMC990000%02d md5-mismatch", n), 1L);
      }
      assertThat(committedCounts(kafka, DLQ)).isEqualTo(once);
      assertThat(committedCounts(kafka, VERSIONS)).isEmpty();
    }
  }
}
