package org.figstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.testdata.ManyXrefArticle;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.DeadLetter;
import org.figstream.records.PublishedFigure;
import org.figstream.records.Topics;
import org.figstream.topology.schema.TopicSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the article of 20,000 citations of one figure is published with that figure's first 64
 * mentions, beside dead letters of stage extract saying what was cut, and fits in one record.
 */
class EnrichmentBoundsTest {
  /** The sample bucket's article 7 is made from pone.0056489, the sample ManyXrefArticle grows. */
  private static final int ARTICLE = 7;

  @TempDir Path samples;

  @Test
  void shouldPublishTheArticleWithItsFirstMentionsAndDeadLettersForTheRest() throws Exception {
    copySamplesWithTheHostileArticle();
    SampleBucket bucket = SampleBucket.load(samples);
    assertThat(bucket.folder(ARTICLE)).isEqualTo(ManyXrefArticle.SAMPLE);

    Enrichment.Result result;
    try (BucketEmulator emulator = BucketEmulator.start(bucket, 1, Faults.none());
        HttpFetcher http =
            new HttpFetcher(
                HttpSettings.defaults(Set.of("127.0.0.1")), new SimpleMeterRegistry())) {
      BucketLayout layout = new BucketLayout(emulator.baseUrl());
      String key = BucketLayout.metadataKey(SampleBucket.pmcid(ARTICLE), 1);
      ArticleMetadata metadata =
          new BucketClient(layout, http).metadata(key).block(Duration.ofSeconds(30));
      Announcement request =
          new Announcement(Change.VERSION, key, metadata.pmcid(), 1, null, null, "test", metadata);
      result =
          new Enrichment(
                  new ArticleFetcher(layout, http, 4), new ImageNormalizer(), FigureStep.IDENTITY)
              .enrich(request)
              .block(Duration.ofSeconds(60));
    }

    assertThat(result.enriched()).isNotNull();
    PublishedFigure cited =
        result.enriched().figures().stream()
            .filter(f -> f.figure().figureId().equals(ManyXrefArticle.FIGURE))
            .findFirst()
            .orElseThrow();
    assertThat(cited.figure().mentions()).hasSize(64);
    List<DeadLetter> extract =
        result.deadLetters().stream().filter(d -> d.stage().equals("extract")).toList();
    assertThat(extract)
        .extracting(DeadLetter::reason)
        .containsExactly("mentions-truncated", "text-truncated");
    assertThat(extract.get(0).message()).contains("lost 19937 of its 20001 mentions");
    assertThat(extract.get(0).pmcid()).isEqualTo(SampleBucket.pmcid(ARTICLE));

    byte[] value =
        TopicSerdes.enriched().serializer().serialize(Topics.ENRICHED, result.enriched());
    assertThat(value.length).isLessThan(StageOutputs.MAX_VALUE_BYTES);
    assertThat(StageOutputs.binaryBytes(result.enriched())).isLessThan(value.length);
  }

  private void copySamplesWithTheHostileArticle() throws Exception {
    Path from = SampleArticles.root();
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path to = samples.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path xml = SampleArticles.article(ManyXrefArticle.SAMPLE).xmlFile();
    Files.write(samples.resolve(from.relativize(xml).toString()), ManyXrefArticle.xml());
  }
}
