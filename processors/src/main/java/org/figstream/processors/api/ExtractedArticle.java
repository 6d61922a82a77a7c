package org.figstream.processors.api;

import java.util.List;
import org.figstream.records.Article;
import org.figstream.records.FigureRecord;

/** What one article yields: its metadata and its figure-caption pairs in document order. */
public record ExtractedArticle(Article article, List<FigureRecord> figures) {}
