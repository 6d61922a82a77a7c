package org.figstream.topology.enrich;

import java.time.Instant;
import org.figstream.api.Article;
import org.figstream.api.ArticleHint;
import org.figstream.api.ExtractedArticle;
import org.figstream.api.ExtractionException;
import org.figstream.api.feed.Announcement;
import org.figstream.api.feed.DeadLetter;
import org.figstream.api.feed.FetchedArticle;
import org.figstream.connectors.fetch.ArticleFetcher;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.topology.ledger.EnrichedArticle;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One version's way through the non-blocking stage: fetch (Reactor Netty), then extract on the
 * parallel scheduler (CPU work off the I/O threads). Image normalisation, embedding and labels join
 * here as further steps. The result is the enriched article or a dead letter, never an error.
 */
public final class Enrichment {

  /** What became of one request. */
  public record Result(Announcement request, EnrichedArticle enriched, Article article, DeadLetter deadLetter) {}

  private final ArticleFetcher fetcher;
  private final JatsExtractor extractor = new JatsExtractor();

  public Enrichment(ArticleFetcher fetcher) {
    this.fetcher = fetcher;
  }

  public Mono<Result> enrich(Announcement a) {
    return fetcher.fetch(a).flatMap(outcome -> {
      if (outcome instanceof DeadLetter d) {
        return Mono.just(new Result(a, null, null, d));
      }
      FetchedArticle f = (FetchedArticle) outcome;
      return Mono.fromCallable(() -> extract(a, f)).subscribeOn(Schedulers.parallel());
    });
  }

  private Result extract(Announcement a, FetchedArticle f) {
    try {
      ExtractedArticle e = extractor.extract(f.xml(), f.media().keySet(),
          new ArticleHint(a.pmcid(), a.version() > 0 ? a.version() : null)).get(0);
      return new Result(a, new EnrichedArticle(a.pmcid(), a.version(), false, null, e.figures()), e.article(), null);
    } catch (ExtractionException ex) {
      return new Result(a, null, null, new DeadLetter("extract", ex.kind().name().toLowerCase(java.util.Locale.ROOT),
          ex.getMessage(), a.metadata().xml().url(), a.pmcid(), 1, Instant.now()));
    }
  }
}
