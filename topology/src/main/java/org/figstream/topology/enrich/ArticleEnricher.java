package org.figstream.topology.enrich;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.FigureRecord;
import org.figstream.records.PublishedFigure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Enrichment once an article's files are at hand, fetched from the bucket ({@link Enrichment}, the
 * pipeline's stage) or read from disk ({@code figstream enrich}): extract the figures, normalise
 * each figure's image on the parallel scheduler, off the I/O threads, then hand it to the annotate
 * step. One flow for both, so what a user tries locally is what the pipeline publishes.
 */
public final class ArticleEnricher {

  /** Where a figure's media file is read from: the fetched files, or a folder. */
  public record FigureFiles(FigureRecord figure, Function<String, byte[]> media) {}

  /**
   * A figure with its image normalised, on its way to the annotate step. {@code pixels} is the
   * raster the image was encoded from (null without an image; see {@link NormalizedPixels} for why
   * it is not kept); {@code rejection} says why an image file was not used, null otherwise.
   */
  public record NormalizedFigure(
      PublishedFigure figure, NormalizedPixels pixels, ImageRejectedException rejection) {}

  private final JatsExtractor extractor = new JatsExtractor();
  private final ImageNormalizer images;
  private final StageTimes times;

  public ArticleEnricher(ImageNormalizer images) {
    this(images, StageTimes.NONE);
  }

  /** With each figure's image normalisation timed as the {@code image} stage on {@code times}. */
  public ArticleEnricher(ImageNormalizer images, StageTimes times) {
    this.images = images;
    this.times = times;
  }

  /** The articles in one JATS file (usually one); blocking CPU work. */
  public List<ExtractedArticle> extract(byte[] xml, Collection<String> media, ArticleHint hint)
      throws ExtractionException {
    return extractor.extract(xml, media, hint);
  }

  /**
   * Each figure normalised, then through {@code step}; the results in the figures' order, with at
   * most {@code inFlight} figures between the two at once.
   */
  public <T> Flux<T> figures(
      List<FigureFiles> figures, int inFlight, Function<NormalizedFigure, Mono<T>> step) {
    return Flux.fromIterable(figures)
        .flatMapSequential(
            f ->
                Mono.fromCallable(() -> normalise(f))
                    .subscribeOn(Schedulers.parallel())
                    .flatMap(step),
            inFlight);
  }

  private NormalizedFigure normalise(FigureFiles files) {
    FigureRecord figure = files.figure();
    if (figure.mediaFile() == null) {
      return new NormalizedFigure(PublishedFigure.withoutImage(figure, "missing"), null, null);
    }
    long started = System.nanoTime();
    try {
      NormalizedPixels normalized =
          images.normalizeWithPixels(files.media().apply(figure.mediaFile()));
      return new NormalizedFigure(
          PublishedFigure.withImage(figure, normalized.image()), normalized, null);
    } catch (ImageRejectedException e) {
      return new NormalizedFigure(PublishedFigure.withoutImage(figure, e.problem()), null, e);
    } finally {
      times.since(StageTimes.IMAGE, started);
    }
  }
}
