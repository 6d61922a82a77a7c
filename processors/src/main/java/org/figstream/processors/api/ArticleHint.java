package org.figstream.processors.api;

/**
 * What the feed already knows about an article before its XML is read. Fills in what the XML lacks
 * (publisher JATS carries no PMCID; no XML carries PMC's version number; a new article's XML often
 * has no PMID yet while PMC's metadata has it).
 *
 * @param pmid the PMID from the bucket's metadata, used when the XML names none
 */
public record ArticleHint(String pmcid, Integer version, String pmid) {
  public static final ArticleHint NONE = new ArticleHint(null, null, null);

  public ArticleHint(String pmcid, Integer version) {
    this(pmcid, version, null);
  }
}
