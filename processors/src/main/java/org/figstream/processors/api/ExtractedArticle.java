package org.figstream.processors.api;

import java.util.List;
import org.figstream.records.Article;
import org.figstream.records.FigureRecord;

/**
 * What one article yields: its metadata, its figure-caption pairs in document order, and what was
 * cut from them to keep the output bounded (empty for every real article seen so far).
 */
public record ExtractedArticle(
    Article article, List<FigureRecord> figures, List<ExtractionWarning> warnings) {

  public ExtractedArticle(Article article, List<FigureRecord> figures) {
    this(article, figures, List.of());
  }
}
