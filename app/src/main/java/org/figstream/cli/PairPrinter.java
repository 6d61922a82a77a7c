package org.figstream.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.figstream.connectors.feed.fetch.FetchOutcome;
import org.figstream.connectors.feed.fetch.FetchedArticle;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.FigureRecord;

/**
 * Extracts fetched articles and prints their pairs; failures become dead-letter lines on stderr.
 */
final class PairPrinter {
  private final JatsExtractor extractor = new JatsExtractor();
  private final PrintWriter err;
  private final AtomicLong deadLetters;
  private final ExtractCommand.ExtractSummary summary = new ExtractCommand.ExtractSummary();

  PairPrinter(PrintWriter err, AtomicLong deadLetters) {
    this.err = err;
    this.deadLetters = deadLetters;
  }

  synchronized void print(PrintWriter out, FetchOutcome outcome) {
    if (outcome instanceof FetchOutcome.Failed failed) {
      deadLetters.incrementAndGet();
      err.println("feed: dead letter " + Json.write(failed.deadLetter()));
      return;
    }
    if (outcome instanceof FetchOutcome.Gone gone) {
      err.println("feed: " + gone.announcement().pmcid() + " skipped: " + gone.message());
      return;
    }
    FetchedArticle f = (FetchedArticle) outcome;
    try {
      int v = f.announcement().version();
      var meta = f.announcement().metadata();
      ArticleHint hint =
          new ArticleHint(
              f.announcement().pmcid(), v > 0 ? v : null, meta == null ? null : meta.pmid());
      for (ExtractedArticle article : extractor.extract(f.xml(), f.media().keySet(), hint)) {
        summary.add(article);
        for (FigureRecord figure : article.figures()) {
          out.println(Json.write(figure));
        }
      }
    } catch (ExtractionException e) {
      summary.failed++;
      deadLetters.incrementAndGet();
      err.println(
          "feed: dead letter {\"stage\":\"extract\",\"reason\":\""
              + e.kind()
              + "\",\"pmcid\":\""
              + f.announcement().pmcid()
              + "\",\"message\":"
              + Json.write(e.getMessage())
              + "}");
    }
  }

  String summary() {
    return summary.line(0).replace(", in 0 ms", "");
  }
}
