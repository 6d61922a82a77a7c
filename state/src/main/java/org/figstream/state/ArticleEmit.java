package org.figstream.state;

/**
 * What the PubMed join last put on {@code articles} for a PMCID, as two SHA-256 digests (hex) of
 * serialised records: the article as extracted, and its PubMed citation (null: it had none). Two,
 * so that a re-emit is known to come from a PubMed change when only the second differs.
 */
public record ArticleEmit(String article, String pubmed) {}
