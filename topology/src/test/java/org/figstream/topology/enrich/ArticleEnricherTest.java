package org.figstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The flow the stage and {@code figstream enrich} share, on an article read from disk. */
class ArticleEnricherTest {

  @Test
  void shouldNormaliseEachFigureInOrderSayingWhyAnImageWasNotUsed() throws Exception {
    SampleArticles.Sample sample = SampleArticles.article("pone.0038869");
    Path folder = sample.xmlFile().getParent();
    ArticleEnricher enricher = new ArticleEnricher(new ImageNormalizer());
    ExtractedArticle article =
        enricher.extract(sample.xml(), sample.media(), ArticleHint.NONE).get(0);
    List<FigureRecord> figures = article.figures();
    String spoiled =
        figures.stream().filter(f -> f.mediaFile() != null).findFirst().orElseThrow().mediaFile();

    List<ArticleEnricher.NormalizedFigure> out =
        enricher
            .figures(
                figures.stream()
                    .map(
                        f ->
                            new ArticleEnricher.FigureFiles(
                                f,
                                name ->
                                    name.equals(spoiled)
                                        ? "not an image".getBytes(StandardCharsets.US_ASCII)
                                        : read(folder.resolve(name))))
                    .toList(),
                4,
                Mono::just)
            .collectList()
            .block(Duration.ofSeconds(60));

    assertThat(out).extracting(n -> n.figure().figure()).containsExactlyElementsOf(figures);
    for (ArticleEnricher.NormalizedFigure n : out) {
      String media = n.figure().figure().mediaFile();
      if (media == null) { // the sample leaves some media files out: no image, no rejection
        assertThat(n.figure().imageProblem()).isEqualTo("missing");
        assertThat(n.rejection()).isNull();
      } else if (media.equals(spoiled)) {
        assertThat(n.rejection().problem()).isEqualTo("image-unsupported-format");
        assertThat(n.figure().imageProblem()).isEqualTo("image-unsupported-format");
        assertThat(n.figure().image()).isNull();
        assertThat(n.pixels()).isNull();
      } else {
        assertThat(n.rejection()).isNull();
        assertThat(n.pixels().image()).isSameAs(n.figure().image());
      }
    }
    long withMedia = figures.stream().filter(f -> f.mediaFile() != null).count();
    assertThat(withMedia)
        .isLessThan(figures.size())
        .isGreaterThan(1); // every branch above is taken
    assertThat(out).filteredOn(n -> n.figure().image() != null).hasSize((int) withMedia - 1);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
