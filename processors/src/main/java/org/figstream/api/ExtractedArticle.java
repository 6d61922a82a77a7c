package org.figstream.api;

import java.util.List;

/** What one article yields: its metadata and its figure-caption pairs in document order. */
public record ExtractedArticle(Article article, List<FigureRecord> figures) {}
