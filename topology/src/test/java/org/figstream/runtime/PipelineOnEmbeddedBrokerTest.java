package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.figstream.connectors.bucket.BucketClient;
import org.figstream.connectors.bucket.BucketLayout;
import org.figstream.connectors.discovery.FeedIndex;
import org.figstream.connectors.discovery.FeedSettings;
import org.figstream.connectors.discovery.InventoryFeed;
import org.figstream.connectors.discovery.KafkaCursorStore;
import org.figstream.connectors.discovery.StartPolicy;
import org.figstream.connectors.fetch.ArticleFetcher;
import org.figstream.connectors.http.HttpFetcher;
import org.figstream.connectors.http.HttpSettings;
import org.figstream.connectors.sample.BucketEmulator;
import org.figstream.connectors.sample.Faults;
import org.figstream.connectors.sample.SampleBucket;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.topology.Topics;
import org.figstream.topology.enrich.Enrichment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample feed end to end on the in-process broker: feed -> gate (Streams) -> enrichment stage ->
 * ledger (Streams) -> figures, settled by consumer lag, then the figures topic read to its end. Pair
 * counts per article as counted from the XML in SampleArticleCountsTest.
 */
class PipelineOnEmbeddedBrokerTest {
  @TempDir Path dir;

  @Test
  void shouldPublishThePairsOfTheSampleFeedAndRetireWhatDayTwoTakesAway() throws Exception {
    SampleBucket bucket = SampleBucket.load(SampleArticles.root());
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"));
         BucketEmulator emulator = BucketEmulator.start(bucket, 1, Faults.all(0.1, 3));
         HttpFetcher http = new HttpFetcher(HttpSettings.defaults(Set.of("127.0.0.1")).withRate("127.0.0.1", 500)
             .withRetries(6, Duration.ofMillis(10), Duration.ofMillis(100)), new SimpleMeterRegistry());
         FeedIndex index = new FeedIndex(dir.resolve("feed/index"));
         KafkaCursorStore cursors = new KafkaCursorStore(broker.clientConfig(), emulator.baseUrl(), (short) 1)) {
      BucketLayout layout = new BucketLayout(emulator.baseUrl());
      InventoryFeed feed = new InventoryFeed(new BucketClient(layout, http), index, cursors,
          FeedSettings.defaults().withStartPolicy(StartPolicy.BACKFILL), dir.resolve("feed/work"));
      try (Pipeline pipeline = new Pipeline(broker.clientConfig(), dir.resolve("streams"),
              new Enrichment(new ArticleFetcher(layout, http, 4)), (short) 1);
           KafkaConsumer<String, byte[]> figures = figuresConsumer(broker)) {
        Map<String, byte[]> live = new LinkedHashMap<>();

        pipeline.feedAndSettle(feed, Duration.ofSeconds(120));
        readToEnd(figures, live);
        // day 1: articles 1-8, i.e. every sample but pone.0093988 (3 pairs): 82 - 3
        assertThat(live).hasSize(79);

        emulator.publishNextDay();
        pipeline.feedAndSettle(feed, Duration.ofSeconds(120));
        readToEnd(figures, live);
        // day 2: + pone.0093988 (3), article 2 loses one figure, article 3 (elife-43154-v2, 3 pairs)
        // retracted, article 4 (elife-46472-v3, 8 pairs) removed: 79 + 3 - 1 - 3 - 8
        assertThat(live).hasSize(70);
        assertThat(live.keySet()).noneMatch(k -> k.startsWith("PMC99000003/") || k.startsWith("PMC99000004/"))
            .anyMatch(k -> k.startsWith("PMC99000009/"));
        assertThat(live.keySet().stream().filter(k -> k.startsWith("PMC99000002/"))).hasSize(4);
      }
    }
  }

  private static KafkaConsumer<String, byte[]> figuresConsumer(EmbeddedBroker broker) {
    Map<String, Object> c = new HashMap<>(broker.clientConfig());
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.assign(List.of(new TopicPartition(Topics.FIGURES, 0), new TopicPartition(Topics.FIGURES, 1)));
    consumer.seekToBeginning(consumer.assignment());
    return consumer;
  }

  /** Applies upserts and tombstones to {@code live} up to the topic's committed end. */
  private static void readToEnd(KafkaConsumer<String, byte[]> consumer, Map<String, byte[]> live) {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.value() == null) {
          live.remove(r.key());
        } else {
          live.put(r.key(), r.value());
        }
      }
    }
  }
}
