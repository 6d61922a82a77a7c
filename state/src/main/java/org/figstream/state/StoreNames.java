package org.figstream.state;

/** Every state store of the topology, named once. */
public final class StoreNames {
  /** PMCID to the latest version seen (and its ETag, and whether it was withdrawn). */
  public static final String VERSION_GATE = "version-gate";

  /** PMCID to the version published and the pair ids it has on the figures topic. */
  public static final String PAIR_LEDGER = "pair-ledger";

  /** Pixel SHA-256 to the first pair that showed that image. */
  public static final String DEDUP_EXACT = "dedup-exact";

  /** Perceptual-hash block to the pairs (and full hashes) whose hash has that block. */
  public static final String DEDUP_NEAR = "dedup-near";

  /**
   * PMCID to the article as extracted: the left table of the PubMed join, read from {@code
   * figstream-extracted-articles}.
   */
  public static final String EXTRACTED_ARTICLES = "extracted-articles";

  /**
   * PMID to NLM's PubMed citation: the right table of the PubMed join, read from {@code pubmed}.
   */
  public static final String PUBMED_RECORDS = "pubmed-records";

  /**
   * The PubMed join (a foreign-key join, articles to citations by PMID). Kafka Streams names its
   * subscription store {@value #PUBMED_JOIN}{@code -subscription-store}, its two internal topics
   * {@code figstream-}{@value #PUBMED_JOIN}{@code -subscription-registration-topic} and {@code
   * -subscription-response-topic}, and its processors after it.
   */
  public static final String PUBMED_JOIN = "pubmed-join";

  /**
   * The subscription store Kafka Streams makes for {@link #PUBMED_JOIN}: PMID and PMCID to hash.
   */
  public static final String PUBMED_JOIN_SUBSCRIPTIONS = PUBMED_JOIN + "-subscription-store";

  /** PMCID to the digests of the article last put on {@code articles} (article, PubMed record). */
  public static final String ARTICLE_EMITS = "article-emits";

  private StoreNames() {}
}
