package org.figstream.processors.api;

/**
 * What the feed already knows about an article before its XML is read. Fills in what the XML lacks
 * (publisher JATS carries no PMCID; no XML carries PMC's version number).
 */
public record ArticleHint(String pmcid, Integer version) {
  public static final ArticleHint NONE = new ArticleHint(null, null);
}
