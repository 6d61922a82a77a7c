package org.figstream.connectors.feed.pubmed;

import java.util.List;
import org.figstream.records.PubmedRecord;

/**
 * What one {@code PubmedArticleSet} holds: an efetch answer or a daily update file. Records and
 * deletions are kept apart because an update file can both revise and delete, and a consumer must
 * apply both.
 */
public record PubmedArticleSet(List<PubmedRecord> records, List<DeletedCitation> deletions) {
  public PubmedArticleSet {
    records = List.copyOf(records);
    deletions = List.copyOf(deletions);
  }
}
