package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
import org.figstream.processors.image.ImageNormalizer;
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
              new Enrichment(new ArticleFetcher(layout, http, 4), new ImageNormalizer()), (short) 1)) {
        pipeline.feedAndSettle(feed, Duration.ofSeconds(120));
        Map<String, byte[]> live = TopicCounts.latest(broker.clientConfig(), Topics.FIGURES);
        // day 1: articles 1-8, i.e. every sample but pone.0093988 (3 pairs): 82 - 3
        assertThat(live).hasSize(79);
        // elife-19405-fig1.tif is 1417 x 1252 (its TIFF header, read with Python's struct module):
        // normalised to 1024 x round(1252 * 1024 / 1417) = 1024 x 905
        JsonNode fig1 = JSON.readTree(live.get("PMC99000001/fig1/1"));
        assertThat(fig1.at("/image/width").asInt()).isEqualTo(1024);
        assertThat(fig1.at("/image/height").asInt()).isEqualTo(905);
        assertThat(fig1.at("/image/originalWidth").asInt()).isEqualTo(1417);
        assertThat(fig1.at("/image/pixelSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(fig1.at("/figure/label").asText()).isEqualTo("Figure 1.");

        emulator.publishNextDay();
        pipeline.feedAndSettle(feed, Duration.ofSeconds(120));
        live = TopicCounts.latest(broker.clientConfig(), Topics.FIGURES);
        // day 2: + pone.0093988 (3), article 2 loses one figure, article 3 (elife-43154-v2, 3 pairs)
        // retracted, article 4 (elife-46472-v3, 8 pairs) removed: 79 + 3 - 1 - 3 - 8
        assertThat(live).hasSize(70);
        assertThat(live.keySet()).noneMatch(k -> k.startsWith("PMC99000003/") || k.startsWith("PMC99000004/"))
            .anyMatch(k -> k.startsWith("PMC99000009/"));
        assertThat(live.keySet().stream().filter(k -> k.startsWith("PMC99000002/"))).hasSize(4);
        // 61 of the 82 sample pairs have their image; the 12 pairs taken away all had theirs
        long withImage = live.values().stream().filter(v -> !tree(v).path("image").isNull()).count();
        assertThat(withImage).isEqualTo(61 - 3 - 8 - 1);
        assertThat(live.values().stream().filter(v -> "missing".equals(tree(v).path("imageProblem").asText())))
            .hasSize(21);
      }
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private static JsonNode tree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
