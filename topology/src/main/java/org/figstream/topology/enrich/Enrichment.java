package org.figstream.topology.enrich;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.figstream.connectors.feed.fetch.ArticleFetcher;
import org.figstream.connectors.feed.fetch.FetchOutcome;
import org.figstream.connectors.feed.fetch.FetchedArticle;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionWarning;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.records.Announcement;
import org.figstream.records.Article;
import org.figstream.records.ArticleKeys;
import org.figstream.records.DeadLetter;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.Provenance;
import org.figstream.topology.PipelineVersion;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * One version's way through the non-blocking stage: fetch (Reactor Netty), then what {@link
 * ArticleEnricher} does with the files (extract, normalise each figure's image, then the embed and
 * label step). The result is the enriched article or a dead letter, never an error; an image that
 * cannot be used leaves its pair without an image and adds a dead letter saying why, as does what
 * the extractor had to cut (mentions past the limit per figure, over-long text).
 */
public final class Enrichment {

  /**
   * What became of one request; {@code deadLetters} holds the image problems of an enriched
   * article. Neither an enriched article nor a dead letter: the version had left the bucket. {@code
   * sourceUnavailable}: the files could not be fetched because the source was down; the single dead
   * letter says how, and the request should be tried again later, not given up.
   */
  public record Result(
      Announcement request,
      EnrichedArticle enriched,
      Article article,
      List<DeadLetter> deadLetters,
      boolean sourceUnavailable) {

    /** The version was removed from the bucket before it could be fetched. */
    public boolean gone() {
      return enriched == null && deadLetters.isEmpty();
    }

    /** A withdrawal the gate decided, passed through unfetched ({@link Withdrawals}). */
    public boolean withdrawal() {
      return enriched != null && enriched.withdrawn();
    }

    public Result(
        Announcement request, EnrichedArticle enriched, Article article, List<DeadLetter> dead) {
      this(request, enriched, article, dead, false);
    }
  }

  private final ArticleFetcher fetcher;
  private final ArticleEnricher enricher;
  private final FigureStep annotate;
  private final StageTimes times;

  public Enrichment(ArticleFetcher fetcher, ImageNormalizer images, FigureStep annotate) {
    this(fetcher, images, annotate, StageTimes.NONE);
  }

  /**
   * With the stages' times recorded on {@code times}: {@code fetch}, {@code extract} and, through
   * the {@link ArticleEnricher}, {@code image} (the annotate step times embed and label itself).
   */
  public Enrichment(
      ArticleFetcher fetcher, ImageNormalizer images, FigureStep annotate, StageTimes times) {
    this.fetcher = fetcher;
    this.enricher = new ArticleEnricher(images, times);
    this.annotate = annotate;
    this.times = times;
  }

  public Mono<Result> enrich(Announcement a) {
    return Mono.defer(
            () -> {
              long fetching = System.nanoTime();
              return fetcher.fetch(a).doOnNext(o -> times.since(StageTimes.FETCH, fetching));
            })
        .flatMap(
            outcome -> {
              if (outcome instanceof FetchOutcome.Failed failed) {
                return Mono.just(
                    new Result(
                        a, null, null, List.of(failed.deadLetter()), failed.sourceUnavailable()));
              }
              if (outcome instanceof FetchOutcome.Gone) {
                // nothing to publish: the feed announces the removal once the inventory shows it
                return Mono.just(new Result(a, null, null, List.of()));
              }
              FetchedArticle f = (FetchedArticle) outcome;
              return Mono.fromCallable(() -> extract(a, f))
                  .subscribeOn(Schedulers.parallel())
                  .flatMap(e -> publish(a, f, e))
                  .onErrorResume(
                      ExtractionException.class,
                      ex ->
                          Mono.just(
                              new Result(
                                  a,
                                  null,
                                  null,
                                  List.of(
                                      new DeadLetter(
                                          "extract",
                                          ex.kind().name().toLowerCase(Locale.ROOT),
                                          ex.getMessage(),
                                          a.metadata().xml().url(),
                                          a.pmcid(),
                                          1,
                                          Instant.now())))));
            });
  }

  private ExtractedArticle extract(Announcement a, FetchedArticle f) throws ExtractionException {
    long started = System.nanoTime();
    try {
      return enricher
          .extract(
              f.xml(),
              f.media().keySet(),
              new ArticleHint(a.pmcid(), a.version() > 0 ? a.version() : null, a.metadata().pmid()))
          .get(0);
    } finally {
      times.since(StageTimes.EXTRACT, started);
    }
  }

  private Mono<Result> publish(Announcement a, FetchedArticle f, ExtractedArticle e) {
    List<DeadLetter> problems = new ArrayList<>();
    // what the extractor cut to keep the output bounded: the article is published without it
    for (ExtractionWarning w : e.warnings()) {
      problems.add(
          new DeadLetter(
              "extract",
              w.reason(),
              w.message(),
              a.metadata().xml().url(),
              a.pmcid(),
              1,
              Instant.now()));
    }
    Provenance provenance =
        new Provenance(
            a.pmcid(), a.version(), a.source(), Instant.now(), PipelineVersion.current());
    ArticleKeys keys = ArticleKeys.of(e.article());
    List<ArticleEnricher.FigureFiles> figures =
        e.figures().stream()
            .map(figure -> new ArticleEnricher.FigureFiles(figure, f.media()::get))
            .toList();
    return enricher
        .figures(
            figures,
            Queues.SMALL_BUFFER_SIZE,
            n -> {
              if (n.rejection() != null) {
                add(problems, rejected(a, n));
              }
              return annotate.apply(
                  n.figure().withProvenance(provenance).withArticle(keys),
                  n.pixels(),
                  problem -> add(problems, problem));
            })
        .collectList()
        .map(
            published ->
                new Result(
                    a,
                    new EnrichedArticle(a.pmcid(), a.version(), false, null, published),
                    e.article(),
                    List.copyOf(problems)));
  }

  private static DeadLetter rejected(Announcement a, ArticleEnricher.NormalizedFigure n) {
    ImageRejectedException ex = n.rejection();
    String where = n.figure().pairId() + " " + n.figure().figure().mediaFile();
    return new DeadLetter(
        "image", ex.problem(), ex.getMessage(), where, a.pmcid(), 1, Instant.now());
  }

  private static void add(List<DeadLetter> problems, DeadLetter problem) {
    synchronized (problems) {
      problems.add(problem);
    }
  }
}
