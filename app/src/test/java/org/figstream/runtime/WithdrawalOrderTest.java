package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.Topics;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.enrich.Enrichment;
import org.figstream.topology.enrich.EnrichmentStage;
import org.figstream.topology.enrich.FigureStep;
import org.figstream.topology.schema.TopicSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A withdrawal decided while the same article's version is still being enriched (a pass of {@code
 * --settle-wait} overlapping the stage, a restart redoing a batch) must reach figstream-enriched
 * after that version's result: the ledger takes a later same-version result for live again, and an
 * article record written after the ledger's tombstone puts the article back on {@code articles}.
 * The real stage on the embedded broker, its embed step held until the withdrawal is done.
 */
class WithdrawalOrderTest {
  @TempDir Path dir;

  @Test
  void shouldWriteTheWithdrawalAfterTheSlowResultOfTheVersionBeforeIt() throws Exception {
    SampleBucket bucket = SampleBucket.load(SampleArticles.root());
    String pmcid = SampleBucket.pmcid(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger held = new AtomicInteger();
    FigureStep slow =
        (figure, pixels, problems) ->
            Mono.fromCallable(
                    () -> {
                      held.incrementAndGet();
                      release.await(60, TimeUnit.SECONDS);
                      return figure;
                    })
                .subscribeOn(Schedulers.boundedElastic());
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"));
        BucketEmulator emulator = BucketEmulator.start(bucket, 1, Faults.none());
        HttpFetcher http =
            new HttpFetcher(
                HttpSettings.defaults(Set.of("127.0.0.1")), new SimpleMeterRegistry())) {
      var kafka = broker.clientConfig();
      TopicSetup.ensure(kafka, 1, (short) 1);
      BucketLayout layout = new BucketLayout(emulator.baseUrl());
      String key = BucketLayout.metadataKey(pmcid, 1);
      ArticleMetadata m =
          new BucketClient(layout, http).metadata(key).block(Duration.ofSeconds(30));
      // v1 (ETag e1), then v1 marked retracted (ETag e2): what the gate sends for that order
      Announcement v1 = new Announcement(Change.VERSION, key, pmcid, 1, "e1", null, "test", m);
      Announcement retracted =
          new Announcement(Change.VERSION, key, pmcid, 1, "e2", null, "test", retracted(m));
      try (var producer =
          new KafkaProducer<>(
              kafka, new StringSerializer(), TopicSerdes.announcements().serializer())) {
        producer.send(new ProducerRecord<>(Topics.ENRICH_REQUESTS, pmcid, v1));
        producer.send(new ProducerRecord<>(Topics.ENRICH_REQUESTS, pmcid, retracted)).get();
      }

      try (EnrichmentStage stage =
          new EnrichmentStage(
              kafka,
              new Enrichment(new ArticleFetcher(layout, http, 4), new ImageNormalizer(), slow),
              4,
              "withdrawal-order",
              metrics)) {
        stage.start();
        // the withdrawal is done (progress 1) while v1 waits in its embed step
        assertThat(waitFor(() -> held.get() > 0 && stage.progress() >= 1, Duration.ofSeconds(30)))
            .as("held %s, progress %s, failure %s", held.get(), stage.progress(), stage.failure())
            .isTrue();
        assertThat(stage.progress()).isEqualTo(1);
        assertThat(enriched(kafka)).isEmpty(); // and waits its turn behind v1
        release.countDown();
        assertThat(waitFor(() -> enriched(kafka).size() == 2, Duration.ofSeconds(60))).isTrue();
        assertThat(stage.progress()).isEqualTo(2);
      }

      List<EnrichedArticle> out = enriched(kafka);
      int pairs = SampleFeedEndToEnd.extracted(bucket, 1).size();
      assertThat(out.get(0).withdrawn()).isFalse();
      assertThat(out.get(0).version()).isEqualTo(1);
      assertThat(out.get(0).figures()).hasSize(pairs);
      assertThat(out.get(1)).isEqualTo(EnrichedArticle.withdrawal(pmcid, 1, "retracted"));
      // v1's article only: the withdrawal writes no article record (the ledger tombstones it)
      assertThat(TopicCounts.values(kafka, Topics.EXTRACTED_ARTICLES))
          .singleElement()
          .satisfies(v -> assertThat(v).isNotNull());
      // and no dead letter: article 1 gives none, the withdrawal none either
      assertThat(TopicCounts.deadLetters(kafka)).isEmpty();
      // a withdrawal is not counted as enriched, as when the gate wrote it itself
      assertThat(metrics.counter(EnrichmentStage.ARTICLES_METRIC, "outcome", "enriched").count())
          .isEqualTo(1.0);
      assertThat(metrics.counter(EnrichmentStage.FIGURES_METRIC).count()).isEqualTo(pairs);
      assertThat(metrics.timer(EnrichmentStage.LATENCY_METRIC).count()).isEqualTo(1);
    }
  }

  private static List<EnrichedArticle> enriched(java.util.Map<String, Object> kafka) {
    var decoder = TopicSerdes.enriched().deserializer();
    return TopicCounts.values(kafka, Topics.ENRICHED).stream()
        .map(v -> decoder.deserialize(Topics.ENRICHED, v))
        .toList();
  }

  private static boolean waitFor(java.util.function.BooleanSupplier done, Duration limit)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  private static ArticleMetadata retracted(ArticleMetadata m) {
    return new ArticleMetadata(
        m.pmcid(),
        m.version(),
        m.pmid(),
        m.doi(),
        m.title(),
        m.citation(),
        m.licenseCode(),
        m.openAccess(),
        m.manuscript(),
        m.historicalOcr(),
        true,
        m.xml(),
        m.pdf(),
        m.text(),
        m.media(),
        m.other());
  }
}
