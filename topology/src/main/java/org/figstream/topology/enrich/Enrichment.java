package org.figstream.topology.enrich;

import org.figstream.connectors.feed.fetch.FetchOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.figstream.records.Article;
import org.figstream.processors.api.ArticleHint;
import org.figstream.records.ArticleKeys;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.records.FigureRecord;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.records.Provenance;
import org.figstream.records.Announcement;
import org.figstream.records.DeadLetter;
import org.figstream.connectors.feed.fetch.FetchedArticle;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.topology.PipelineVersion;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.PublishedFigure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One version's way through the non-blocking stage: fetch (Reactor Netty), extract, then normalise each
 * figure's image, the CPU work on the parallel scheduler, off the I/O threads, then the embed and label
 * step. The result is the enriched article or a dead letter, never an error; an image
 * that cannot be used leaves its pair without an image and adds a dead letter saying why.
 */
public final class Enrichment {

  /** What became of one request; {@code deadLetters} holds the image problems of an enriched article. */
  public record Result(Announcement request, EnrichedArticle enriched, Article article, List<DeadLetter> deadLetters) {}

  private final ArticleFetcher fetcher;
  private final JatsExtractor extractor = new JatsExtractor();
  private final ImageNormalizer images;
  private final FigureStep annotate;

  public Enrichment(ArticleFetcher fetcher, ImageNormalizer images, FigureStep annotate) {
    this.fetcher = fetcher;
    this.images = images;
    this.annotate = annotate;
  }

  public Mono<Result> enrich(Announcement a) {
    return fetcher.fetch(a).flatMap(outcome -> {
      if (outcome instanceof FetchOutcome.Failed failed) {
        return Mono.just(new Result(a, null, null, List.of(failed.deadLetter())));
      }
      FetchedArticle f = (FetchedArticle) outcome;
      return Mono.fromCallable(() -> extractor.extract(f.xml(), f.media().keySet(),
              new ArticleHint(a.pmcid(), a.version() > 0 ? a.version() : null)).get(0))
          .subscribeOn(Schedulers.parallel())
          .flatMap(e -> publish(a, f, e))
          .onErrorResume(ExtractionException.class, ex -> Mono.just(new Result(a, null, null, List.of(
              new DeadLetter("extract", ex.kind().name().toLowerCase(Locale.ROOT), ex.getMessage(),
                  a.metadata().xml().url(), a.pmcid(), 1, Instant.now())))));
    });
  }

  private Mono<Result> publish(Announcement a, FetchedArticle f, ExtractedArticle e) {
    List<DeadLetter> problems = new ArrayList<>();
    Provenance provenance = new Provenance(a.pmcid(), a.version(), a.source(), Instant.now(), PipelineVersion.current());
    ArticleKeys keys = ArticleKeys.of(e.article());
    return Flux.fromIterable(e.figures())
        .flatMapSequential(figure -> Mono.fromCallable(() -> withImage(a, f, figure, problems))
            .subscribeOn(Schedulers.parallel())
            .flatMap(n -> annotate.apply(n.figure().withProvenance(provenance).withArticle(keys), n.pixels(),
                problem -> add(problems, problem))))
        .collectList()
        .map(figures -> new Result(a, new EnrichedArticle(a.pmcid(), a.version(), false, null, figures), e.article(),
            List.copyOf(problems)));
  }

  /**
   * A figure on its way to the annotate step with the raster of its image, if it has one. The raster is
   * no part of the published figure; the step takes it out of {@code pixels} (see {@link NormalizedPixels}
   * for why it is not kept).
   */
  private record NormalizedFigure(PublishedFigure figure, NormalizedPixels pixels) {}

  private NormalizedFigure withImage(Announcement a, FetchedArticle f, FigureRecord figure, List<DeadLetter> problems) {
    if (figure.mediaFile() == null) {
      return new NormalizedFigure(PublishedFigure.withoutImage(figure, "missing"), null);
    }
    try {
      NormalizedPixels normalized = images.normalizeWithPixels(f.media().get(figure.mediaFile()));
      return new NormalizedFigure(PublishedFigure.withImage(figure, normalized.image()), normalized);
    } catch (ImageRejectedException ex) {
      String reason = ex.problem();
      add(problems, new DeadLetter("image", reason, ex.getMessage(), figure.pairId() + " " + figure.mediaFile(),
          a.pmcid(), 1, Instant.now()));
      return new NormalizedFigure(PublishedFigure.withoutImage(figure, reason), null);
    }
  }

  private static void add(List<DeadLetter> problems, DeadLetter problem) {
    synchronized (problems) {
      problems.add(problem);
    }
  }
}
