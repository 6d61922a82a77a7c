package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.discovery.InventoryFeed;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.connectors.sink.Duck;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.connectors.sink.LiveRows;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.FigureRecord;
import org.figstream.records.Topics;
import org.figstream.runtime.sink.DatasetSinkRunner;
import org.figstream.state.FeedIndex;
import org.figstream.topology.enrich.FigureStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample feed end to end on a real Kafka: feed -> gate (Streams) -> enrichment stage -> dedup
 * and ledger (Streams) -> figures, settled by consumer lag, then the figures topic read to its end.
 * Pair counts per article as counted from the XML in SampleArticleCountsTest. Subclasses say which
 * Kafka.
 */
abstract class SampleFeedEndToEnd {
  @TempDir Path dir;

  /** What the pipeline's meters counted. */
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  /** Client settings of the Kafka to run on; it starts empty. */
  abstract Map<String, Object> kafka() throws Exception;

  /**
   * How long the pipeline may have work left with nothing moving before a wait to settle fails; a
   * subclass makes it shorter than the whole backlog takes.
   */
  Duration stallLimit() {
    return Duration.ofSeconds(120);
  }

  /** The embed step of enrichment; a subclass makes it fail to test recovery. */
  FigureStep embedStep() {
    return FigureStep.IDENTITY;
  }

  @Test
  void shouldPublishThePairsOfTheSampleFeedAndRetireWhatDayTwoTakesAway() throws Exception {
    SampleBucket bucket = SampleBucket.load(SampleArticles.root());
    Map<String, Object> kafka = kafka();
    try (BucketEmulator emulator = BucketEmulator.start(bucket, 1, Faults.all(0.1, 3));
        HttpFetcher http =
            new HttpFetcher(
                HttpSettings.defaults(Set.of("127.0.0.1"))
                    .withRate("127.0.0.1", 500)
                    .withRetries(6, Duration.ofMillis(10), Duration.ofMillis(100)),
                new SimpleMeterRegistry());
        FeedIndex index = new FeedIndex(dir.resolve("feed/index"));
        KafkaCursorStore cursors =
            KafkaCursorStore.fenced(kafka, emulator.baseUrl(), (short) 1, true)) {
      BucketLayout layout = new BucketLayout(emulator.baseUrl());
      InventoryFeed feed =
          SampleRuns.backfillFeed(layout, http, index, cursors, dir.resolve("feed/work"));
      try (Pipeline pipeline =
              SampleRuns.pipeline(
                  kafka, dir.resolve("streams"), layout, http, embedStep(), metrics);
          // a dataset sink that crashes at its third commit, between the manifest and the renames
          DatasetSinkRunner crashing =
              new DatasetSinkRunner(kafka, sinkSettings(), crashAt(FaultPoint.MANIFEST_WRITTEN, 3))
                  .start()) {
        // a request no announcement decoder reads (a foreign producer): a dead letter, then past it
        sendForeignRequest(kafka);
        pipeline.feedAndSettle(feed, cursors, stallLimit());
        assertThat(
                TopicCounts.deadLetters(kafka).stream()
                    .filter(d -> d.reason().equals("undecodable-record")))
            .singleElement()
            .satisfies(d -> assertThat(d.stage()).isEqualTo("enrich"))
            .satisfies(d -> assertThat(d.source()).startsWith(Topics.ENRICH_REQUESTS + "-"));
        Map<String, byte[]> live = TopicCounts.latest(kafka, Topics.FIGURES);
        // day 1: articles 1-8, i.e. every sample but pone.0093988 (3 pairs): 82 - 3
        assertThat(live).hasSize(79);
        Map<String, FigureRecord> day1 = extracted(bucket, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(live.keySet()).isEqualTo(day1.keySet());
        assertSameContents(live, day1);
        // elife-19405-fig1.tif is 1417 x 1252 (its TIFF header, read with Python's struct module):
        // normalised to 1024 x round(1252 * 1024 / 1417) = 1024 x 905
        GenericRecord fig1 = decode(live.get("PMC99000001/fig1/1"));
        GenericRecord image = (GenericRecord) fig1.get("image");
        assertThat(image.get("width")).isEqualTo(1024);
        assertThat(image.get("height")).isEqualTo(905);
        assertThat(image.get("originalWidth")).isEqualTo(1417);
        assertThat(image.get("pixelSha256").toString()).matches("[0-9a-f]{64}");
        assertThat(((GenericRecord) fig1.get("figure")).get("label").toString())
            .isEqualTo("Figure 1.");
        GenericRecord provenance = (GenericRecord) fig1.get("provenance");
        assertThat(provenance.get("version")).isEqualTo(1);
        assertThat(provenance.get("source").toString()).isEqualTo("2026-11-20T01-00Z");

        emulator.publishNextDay();
        pipeline.feedAndSettle(feed, cursors, stallLimit());
        live = TopicCounts.latest(kafka, Topics.FIGURES);
        // day 2: + pone.0093988 (3), article 2 loses one figure, article 3 (elife-43154-v2, 3
        // pairs)
        // retracted, article 4 (elife-46472-v3, 8 pairs) removed: 79 + 3 - 1 - 3 - 8
        assertThat(live).hasSize(70);
        // one instance: its ledger holds every partition, and the 70 pairs of 7 articles
        int ledgerPartitions = PipelineSettings.defaults().dedupPartitions();
        assertThat(pipeline.ledgerShare())
            .isEqualTo(new LedgerShare(ledgerPartitions, ledgerPartitions));
        assertThat(pipeline.ledgerShare().note()).isEmpty();
        assertThat(pipeline.ledgerCounts(Duration.ofSeconds(30)))
            .isEqualTo(new LedgerCounts(70, 7));
        assertThat(live.keySet())
            .noneMatch(k -> k.startsWith("PMC99000003/") || k.startsWith("PMC99000004/"))
            .anyMatch(k -> k.startsWith("PMC99000009/"));
        // article 2's version 2 keeps all but one of its version-1 pairs; everything else as
        // extracted
        Set<String> article2 =
            live.keySet().stream()
                .filter(k -> k.startsWith("PMC99000002/"))
                .collect(Collectors.toSet());
        assertThat(article2).hasSize(4);
        assertThat(day1.keySet()).containsAll(article2);
        Map<String, FigureRecord> day2 = extracted(bucket, 1, 5, 6, 7, 8, 9);
        Set<String> expected = new TreeSet<>(day2.keySet());
        expected.addAll(article2);
        assertThat(new TreeSet<>(live.keySet())).isEqualTo(expected);
        assertSameContents(live, day2);
        // 61 of the 82 sample pairs have their image; the 12 pairs taken away all had theirs
        long withImage = live.values().stream().filter(v -> decode(v).get("image") != null).count();
        assertThat(withImage).isEqualTo(61 - 3 - 8 - 1);
        assertThat(
                live.values().stream()
                    .filter(v -> "missing".equals(String.valueOf(decode(v).get("imageProblem")))))
            .hasSize(21);

        assertThat(crashing.failure()).hasMessage("crash at MANIFEST_WRITTEN");
        // asked for work after it died, it says so at once rather than after the timeout
        assertThatThrownBy(() -> crashing.call(sink -> sink.manifest(), Duration.ofMinutes(5)))
            .hasMessage("the dataset sink stopped: crash at MANIFEST_WRITTEN");
        try (DatasetSinkRunner restarted =
            new DatasetSinkRunner(kafka, sinkSettings(), FaultPoint.Hook.NONE).start()) {
          restarted.catchUpAndCommit(Duration.ofSeconds(60));
          assertTheDatasetHolds(expected, live.size());
          restarted.call(sink -> sink.compact(true), Duration.ofSeconds(60));
          assertThat(
                  Duck.strings(
                      "SELECT pair_id FROM read_parquet('" + dataset() + "/figures/*/*.parquet')"))
              .containsExactlyInAnyOrderElementsOf(expected);
        }
      }
    }
  }

  private static void sendForeignRequest(Map<String, Object> kafka) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(kafka, new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.ENRICH_REQUESTS,
                  "PMC99000001",
                  "{\"not\": \"an announcement\"}".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }

  private Path dataset() {
    return dir.resolve("dataset");
  }

  private SinkSettings sinkSettings() {
    return SinkSettings.defaults(dataset()).withShardRows(10);
  }

  private static FaultPoint.Hook crashAt(FaultPoint point, int occurrence) {
    int[] seen = {0};
    return p -> {
      if (p == point && ++seen[0] == occurrence) {
        throw new java.io.IOException("crash at " + p);
      }
    };
  }

  /** Exactly the expected pairs through the card's query, and the reasons of what left. */
  private void assertTheDatasetHolds(Set<String> expected, int live) {
    assertThat(
            Duck.strings(
                "SELECT pair_id FROM ("
                    + LiveRows.currentRowsQuery(dataset().toString(), "figures")
                    + ")"))
        .hasSize(live)
        .containsExactlyInAnyOrderElementsOf(expected);
    // article 2 dropped a figure (superseded), article 3 was retracted (3 pairs), article 4 removed
    // (8)
    assertThat(
            Duck.strings(
                "SELECT reason || ' ' || count(*) FROM read_parquet('"
                    + dataset()
                    + "/deletes/figures/*.parquet') GROUP BY reason ORDER BY reason"))
        .containsExactly("removed 8", "retracted 3", "superseded 1");
    assertThat(
            Duck.strings(
                "SELECT key || ' ' || reason FROM read_parquet('"
                    + dataset()
                    + "/deletes/articles/*.parquet') ORDER BY key"))
        .containsExactly("PMC99000003 retracted", "PMC99000004 removed");
  }

  /**
   * The pairs of sample articles (1-based numbers of the sample bucket) as the extractor reads
   * their XML.
   */
  static Map<String, FigureRecord> extracted(SampleBucket bucket, int... articles) {
    Map<String, FigureRecord> pairs = new TreeMap<>();
    for (int a : articles) {
      SampleArticles.Sample s = SampleArticles.article(bucket.folder(a));
      new JatsExtractor()
          .extract(s.xml(), s.media(), new ArticleHint(SampleBucket.pmcid(a), 1))
          .get(0)
          .figures()
          .forEach(f -> pairs.put(f.pairId(), f));
    }
    return pairs;
  }

  /**
   * Caption, label, media file and image presence of every expected pair, as the topic holds them.
   */
  private static void assertSameContents(
      Map<String, byte[]> live, Map<String, FigureRecord> expected) {
    expected.forEach(
        (id, f) -> {
          GenericRecord published = decode(live.get(id));
          GenericRecord figure = (GenericRecord) published.get("figure");
          assertThat(String.valueOf(figure.get("caption")))
              .as(id)
              .isEqualTo(String.valueOf(f.caption()));
          assertThat(String.valueOf(figure.get("label")))
              .as(id)
              .isEqualTo(String.valueOf(f.label()));
          assertThat(String.valueOf(figure.get("mediaFile")))
              .as(id)
              .isEqualTo(String.valueOf(f.mediaFile()));
          assertThat(((java.util.List<?>) figure.get("mentions")))
              .as(id)
              .hasSize(f.mentions().size());
          assertThat(published.get("image") != null).as(id).isEqualTo(f.mediaFile() != null);
        });
  }

  // plain Avro and the published schema file, as a mirror reads the topic: not figstream's own
  // serde
  private static final BinaryMessageDecoder<GenericRecord> FIGURES = figuresDecoder();

  private static BinaryMessageDecoder<GenericRecord> figuresDecoder() {
    try (var in = Files.newInputStream(Path.of("../records/schemas/figure.v3.avsc"))) {
      return new BinaryMessageDecoder<>(GenericData.get(), new Schema.Parser().parse(in));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static GenericRecord decode(byte[] value) {
    try {
      return FIGURES.decode(value);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
