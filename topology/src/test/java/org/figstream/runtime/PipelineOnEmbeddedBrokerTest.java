package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.figstream.api.feed.Announcement;
import org.figstream.connectors.bucket.BucketClient;
import org.figstream.connectors.bucket.BucketLayout;
import org.figstream.connectors.discovery.FeedIndex;
import org.figstream.connectors.discovery.FeedSettings;
import org.figstream.connectors.discovery.FeedSinks;
import org.figstream.connectors.discovery.FileCursorStore;
import org.figstream.connectors.discovery.InventoryFeed;
import org.figstream.connectors.discovery.StartPolicy;
import org.figstream.connectors.fetch.ArticleFetcher;
import org.figstream.connectors.http.HttpFetcher;
import org.figstream.connectors.http.HttpSettings;
import org.figstream.connectors.sample.BucketEmulator;
import org.figstream.connectors.sample.Faults;
import org.figstream.connectors.sample.SampleBucket;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.topology.FigstreamTopology;
import org.figstream.topology.JsonSerde;
import org.figstream.topology.Topics;
import org.figstream.topology.enrich.Enrichment;
import org.figstream.topology.enrich.EnrichmentStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The sample feed end to end on the in-process broker: feed -> gate (Streams) -> enrichment stage ->
 * ledger (Streams) -> figures. Expected pairs per article as counted in SampleArticleCountsTest.
 */
class PipelineOnEmbeddedBrokerTest {
  @TempDir Path dir;

  @Test
  void shouldPublishThePairsOfTheSampleFeedAndRetireWhatDayTwoTakesAway() throws Exception {
    SampleBucket bucket = SampleBucket.load(SampleArticles.root());
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"));
         BucketEmulator emulator = BucketEmulator.start(bucket, 1, Faults.none());
         HttpFetcher http = new HttpFetcher(HttpSettings.defaults(Set.of("127.0.0.1")).withRate("127.0.0.1", 500),
             new SimpleMeterRegistry());
         FeedIndex index = new FeedIndex(dir.resolve("feed/index"));
         KafkaProducer<String, byte[]> producer = new KafkaProducer<>(broker.clientConfig(), new StringSerializer(),
             new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      createTopics(broker);
      BucketLayout layout = new BucketLayout(emulator.baseUrl());
      KafkaStreams streams = new KafkaStreams(FigstreamTopology.buildTopology(), streamsProps(broker));
      streams.start();
      EnrichmentStage stage = new EnrichmentStage(broker.clientConfig(),
          new Enrichment(new ArticleFetcher(layout, http, 4)), 4, "test");
      stage.start();
      FeedSinks sinks = new FeedSinks(a -> Mono.fromFuture(() -> toFuture(producer.send(
          new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.ARTICLE_VERSIONS, a.pmcid(),
              JsonSerde.of(Announcement.class).serializer().serialize(Topics.ARTICLE_VERSIONS, a))))).then(),
          d -> Mono.empty());
      InventoryFeed feed = new InventoryFeed(new BucketClient(layout, http), index,
          new FileCursorStore(dir.resolve("feed/cursor.json")),
          FeedSettings.defaults().withStartPolicy(StartPolicy.BACKFILL), dir.resolve("feed/work"));
      try (KafkaConsumer<String, byte[]> figures = figuresConsumer(broker)) {
        Map<String, byte[]> live = new LinkedHashMap<>();
        feed.runOnce(sinks).block();
        // day 1: articles 1-8, i.e. every sample but pone.0093988 (3 pairs): 82 - 3
        readUntil(figures, live, m -> m.size() == 79);
        assertThat(live).hasSize(79);

        emulator.publishNextDay();
        feed.runOnce(sinks).block();
        // day 2: + pone.0093988 (3), article 2 loses one figure, article 3 (elife-43154-v2, 3 pairs)
        // retracted, article 4 (elife-46472-v3, 8 pairs) removed: 79 + 3 - 1 - 3 - 8
        readUntil(figures, live, m -> m.size() == 70 && m.keySet().stream().noneMatch(k -> k.startsWith("PMC99000004/")));
        assertThat(live).hasSize(70);
        assertThat(live.keySet()).noneMatch(k -> k.startsWith("PMC99000003/") || k.startsWith("PMC99000004/"))
            .anyMatch(k -> k.startsWith("PMC99000009/"));
        assertThat(live.keySet().stream().filter(k -> k.startsWith("PMC99000002/"))).hasSize(4);
      } finally {
        stage.close();
        streams.close(Duration.ofSeconds(30));
      }
    }
  }

  private static <T> java.util.concurrent.CompletableFuture<T> toFuture(java.util.concurrent.Future<T> f) {
    return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return f.get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void createTopics(EmbeddedBroker broker) throws Exception {
    try (Admin admin = Admin.create(broker.clientConfig())) {
      admin.createTopics(List.of(new NewTopic(Topics.ARTICLE_VERSIONS, 2, (short) 1),
          new NewTopic(Topics.ENRICH_REQUESTS, 2, (short) 1), new NewTopic(Topics.ENRICHED, 2, (short) 1),
          new NewTopic(Topics.FIGURES, 2, (short) 1).configs(Map.of("cleanup.policy", "compact")),
          new NewTopic(Topics.ARTICLES, 2, (short) 1), new NewTopic(Topics.DLQ, 1, (short) 1))).all().get();
    }
  }

  private Properties streamsProps(EmbeddedBroker broker) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "figstream-it");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return p;
  }

  private static KafkaConsumer<String, byte[]> figuresConsumer(EmbeddedBroker broker) {
    Map<String, Object> c = new HashMap<>(broker.clientConfig());
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.assign(List.of(new TopicPartition(Topics.FIGURES, 0), new TopicPartition(Topics.FIGURES, 1)));
    consumer.seekToBeginning(consumer.assignment());
    return consumer;
  }

  /** Applies upserts and tombstones to {@code live} until {@code done} holds (or 90 s pass). */
  private static void readUntil(KafkaConsumer<String, byte[]> consumer, Map<String, byte[]> live,
      Predicate<Map<String, byte[]>> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.test(live) && System.nanoTime() < deadline) {
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
