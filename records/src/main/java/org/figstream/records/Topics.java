package org.figstream.records;

/** Every topic figstream reads or writes, named once. */
public final class Topics {
  /** Feed announcements, key PMCID. */
  public static final String ARTICLE_VERSIONS = "article-versions";

  /** Versions that passed the gate, waiting for the enrichment stage; key PMCID. */
  public static final String ENRICH_REQUESTS = "figstream-enrich-requests";

  /** What enrichment made of a version (its figure records), or a withdrawal; key PMCID. */
  public static final String ENRICHED = "figstream-enriched";

  /** Figure records, key pair id, compacted: upserts and tombstones. */
  public static final String FIGURES = "figures";

  /**
   * Article records as extracted, before the PubMed join; key PMCID, compacted. A withdrawal is a
   * tombstone here.
   */
  public static final String EXTRACTED_ARTICLES = "figstream-extracted-articles";

  /** PubMed citations, key PMID, compacted: efetch answers and daily update files; tombstones. */
  public static final String PUBMED = "pubmed";

  /** Article records with their PubMed citation, key PMCID. */
  public static final String ARTICLES = "articles";

  /** Dead letters with reason, stage and source coordinates. */
  public static final String DLQ = "dlq";

  private Topics() {}
}
