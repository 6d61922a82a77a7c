package org.figstream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;
import org.figstream.broker.EmbeddedBroker;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.discovery.KafkaCursorStore;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketContents;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleVersions;
import org.figstream.connectors.feed.sample.StoredObject;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Topics;
import org.figstream.state.FeedIndex;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.enrich.Enrichment;
import org.figstream.topology.enrich.FigureStep;
import org.figstream.topology.schema.TopicSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One sample article published under two PMCIDs that Kafka's partitioner puts on different
 * partitions of the (2-partition) topics, through the whole pipeline on a real broker: with dedup
 * on one partition (the default) every image of one copy is found to be an exact duplicate of the
 * other's; spread over two, the copies never meet.
 */
class CrossPartitionDedupTest {
  private static final String SAMPLE = "elife-43154-v2";
  private static final String MODIFIED = "2026-11-19T12:00:00.000Z";

  @TempDir Path dir;

  @Test
  void shouldFindTheCopiesOfAnImageOnDifferentPartitions() throws Exception {
    Map<String, PublishedFigure> live = run(PipelineSettings.defaults());

    List<String> images = figuresWithImages();
    assertThat(images).isNotEmpty();
    assertThat(live).hasSize(2 * figureCount());
    for (String fig : images) {
      PublishedFigure a = live.get(FIRST + fig);
      PublishedFigure b = live.get(second() + fig);
      // whichever copy dedup saw first is canonical, the other names it
      PublishedFigure canonical = a.duplicateOf() == null ? a : b;
      PublishedFigure copy = canonical == a ? b : a;
      assertThat(canonical.duplicateOf()).as(fig).isNull();
      assertThat(copy.duplicateOf()).as(fig).isEqualTo(canonical.pairId());
      assertThat(copy.duplicateKind()).as(fig).isEqualTo("exact");
    }
  }

  @Test
  void shouldMissThemWhenDedupIsSpreadOverPartitions() throws Exception {
    Map<String, PublishedFigure> live = run(PipelineSettings.defaults().withDedupPartitions(2));

    assertThat(live).hasSize(2 * figureCount());
    assertThat(live.values()).allSatisfy(f -> assertThat(f.duplicateOf()).isNull());
  }

  @Test
  void shouldCountTheLedgerOnWhicheverInstanceRunsItAndNothingOnTheOther() throws Exception {
    // two instances, one dedup partition: one of them runs the ledger; before, the other's summary
    // asked a store it did not have, for a minute, and then the instance stopped
    try (Run run = new Run()) {
      PipelineSettings settings = PipelineSettings.defaults();
      try (Pipeline a = run.pipeline("a", settings);
          Pipeline b = run.pipeline("b", settings)) {
        run.feedAndSettle(a);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (a.ledgerShare().local() + b.ledgerShare().local() != 1
            && System.nanoTime() < deadline) {
          Thread.sleep(200); // a rebalance in progress: the task is on its way
        }
        assertThat(List.of(a.ledgerShare(), b.ledgerShare()))
            .containsExactlyInAnyOrder(new LedgerShare(1, 1), new LedgerShare(0, 1));
        Pipeline holder = a.ledgerShare().local() == 1 ? a : b;
        Pipeline other = holder == a ? b : a;
        // both copies' pairs, all on the one ledger
        assertThat(holder.ledgerCounts(Duration.ofSeconds(30)))
            .isEqualTo(new LedgerCounts(2L * figureCount(), 2));
        assertThat(other.ledgerCounts(Duration.ofSeconds(30))).isEqualTo(new LedgerCounts(0, 0));
        assertThat(other.ledgerShare().note()).isEqualTo(" (this instance's 0 of 1 partitions)");
      }
    }
  }

  private static final String FIRST = "PMC99000101";

  /**
   * The first PMCID after {@link #FIRST} that the default partitioner puts on the other one of 2.
   */
  private static String second() {
    for (int id = 99000102; ; id++) {
      String pmcid = "PMC" + id;
      if (partitionOf(pmcid) != partitionOf(FIRST)) {
        return pmcid;
      }
    }
  }

  private static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 2;
  }

  private Map<String, PublishedFigure> run(PipelineSettings settings) throws Exception {
    try (Run run = new Run();
        Pipeline pipeline = run.pipeline("0", settings)) {
      run.feedAndSettle(pipeline);
      Map<String, Object> kafka = run.broker.clientConfig();
      assertThat(TopicSetup.partitionsOf(kafka, Topics.ENRICHED))
          .isEqualTo(settings.dedupPartitions());
      Map<String, PublishedFigure> live = new TreeMap<>();
      TopicCounts.latest(kafka, Topics.FIGURES)
          .forEach((k, v) -> live.put(k, TopicSerdes.figures().deserializer().deserialize("", v)));
      return live;
    }
  }

  /** A broker, the emulator serving {@link TwoCopies}, and the feed's parts; no pipeline yet. */
  private final class Run implements AutoCloseable {
    final EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("kafka"));
    final BucketEmulator emulator = BucketEmulator.start(new TwoCopies(), 1, Faults.none());
    final HttpFetcher http =
        new HttpFetcher(
            HttpSettings.defaults(Set.of("127.0.0.1")).withRate("127.0.0.1", 500),
            new SimpleMeterRegistry());
    final FeedIndex index = new FeedIndex(dir.resolve("feed/index"));
    final KafkaCursorStore cursors =
        KafkaCursorStore.fenced(broker.clientConfig(), emulator.baseUrl(), (short) 1, true);
    final BucketLayout layout = new BucketLayout(emulator.baseUrl());

    /** An instance of the pipeline on the broker, with its own state directory. */
    Pipeline pipeline(String instance, PipelineSettings settings) throws Exception {
      return new Pipeline(
          broker.clientConfig(),
          dir.resolve("streams-" + instance),
          new Enrichment(
              new ArticleFetcher(layout, http, 4), new ImageNormalizer(), FigureStep.IDENTITY),
          settings.withInstanceId(instance),
          new SimpleMeterRegistry());
    }

    /** One feed pass announcing both copies, through {@code pipeline}, settled. */
    void feedAndSettle(Pipeline pipeline) throws Exception {
      pipeline.feedAndSettle(
          SampleRuns.backfillFeed(layout, http, index, cursors, dir.resolve("feed/work")),
          cursors,
          Duration.ofSeconds(120));
    }

    @Override
    public void close() throws Exception {
      cursors.close();
      index.close();
      http.close();
      emulator.close();
      broker.close();
    }
  }

  private static SampleArticles.Sample sample() {
    return SampleArticles.article(SAMPLE);
  }

  private static List<org.figstream.records.FigureRecord> extracted() {
    return new JatsExtractor()
        .extract(sample().xml(), sample().media(), new ArticleHint(FIRST, 1))
        .get(0)
        .figures();
  }

  private static int figureCount() {
    return extracted().size();
  }

  /** The pair ids without their article ({@code /fig1/1}) of the pairs whose image is there. */
  private static List<String> figuresWithImages() {
    return extracted().stream()
        .filter(f -> f.mediaFile() != null)
        .map(f -> f.pairId().substring(f.pairId().indexOf('/')))
        .toList();
  }

  /** The sample article as version 1 of both PMCIDs, on one inventory day. */
  private static final class TwoCopies implements BucketContents {
    @Override
    public int days() {
      return 1;
    }

    @Override
    public Map<String, StoredObject> objects(int visibleDays) {
      SampleArticles.Sample s = sample();
      Map<String, StoredObject> media = new LinkedHashMap<>();
      for (String name : s.media()) {
        try {
          media.put(
              name,
              StoredObject.of(Files.readAllBytes(s.xmlFile().resolveSibling(name)), MODIFIED));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      Map<String, StoredObject> day = new TreeMap<>();
      for (String pmcid : List.of(FIRST, second())) {
        day.putAll(
            SampleVersions.objects(pmcid, 1, s.xml(), media, SampleVersions.Flags.OPEN, MODIFIED));
      }
      return BucketContents.withInventories(
          List.of("2026-11-20T01-00Z"), List.of(day), visibleDays);
    }
  }
}
