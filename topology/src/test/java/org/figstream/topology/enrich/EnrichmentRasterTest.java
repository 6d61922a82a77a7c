package org.figstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.PublishedFigure;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Enrichment hands the annotate step the raster each published image was encoded from. */
class EnrichmentRasterTest {
  /**
   * pone.0038869: TIFF figures, and some, g003 among them, whose media files the sample leaves out.
   */
  private static final int ARTICLE = 6;

  @Test
  void shouldHandTheStepTheRasterOfEachPublishedImage() throws Exception {
    SampleBucket bucket = SampleBucket.load(SampleArticles.root());
    Map<String, NormalizedPixels> handed = new HashMap<>();
    List<String> withoutRaster = new ArrayList<>();
    FigureStep recording =
        (figure, pixels, problems) -> {
          synchronized (handed) {
            if (pixels == null) {
              withoutRaster.add(figure.pairId());
            } else {
              handed.put(figure.pairId(), pixels);
            }
          }
          return Mono.just(figure);
        };

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
          new Enrichment(new ArticleFetcher(layout, http, 4), new ImageNormalizer(), recording)
              .enrich(request)
              .block(Duration.ofSeconds(60));
    }

    List<PublishedFigure> figures = result.enriched().figures();
    assertThat(bucket.folder(ARTICLE)).isEqualTo("pone.0038869");
    assertThat(withoutRaster)
        .containsExactlyInAnyOrderElementsOf(
            figures.stream().filter(f -> f.image() == null).map(PublishedFigure::pairId).toList());
    assertThat(withoutRaster).contains(SampleBucket.pmcid(ARTICLE) + "/pone-0038869-g003/1");
    ImageNormalizer normalizer = new ImageNormalizer();
    for (PublishedFigure f : figures) {
      if (f.image() != null) {
        NormalizedPixels pixels = handed.get(f.pairId());
        assertThat(pixels.image()).as(f.pairId()).isSameAs(f.image());
        NormalizedPixels again =
            normalizer.normalizeWithPixels(
                Files.readAllBytes(
                    SampleArticles.root()
                        .resolve(bucket.folder(ARTICLE))
                        .resolve(f.figure().mediaFile())));
        assertThat(again.image()).as(f.pairId()).isEqualTo(f.image());
        assertThat(rgb(pixels.takePixels())).as(f.pairId()).isEqualTo(rgb(again.takePixels()));
      }
    }
    assertThat(handed).hasSize(figures.size() - withoutRaster.size()).isNotEmpty();
  }

  private static int[] rgb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
