package org.figstream.connectors.feed.pubmed;

/**
 * One PMID of a {@code <DeleteCitation>}: NLM withdrew the citation (a duplicate, or merged into
 * another), and its record must go; a later stage turns it into a tombstone.
 */
public record DeletedCitation(String pmid, int version) {}
