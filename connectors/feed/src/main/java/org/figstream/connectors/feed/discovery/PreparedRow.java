package org.figstream.connectors.feed.discovery;

import org.figstream.connectors.feed.bucket.InventoryRow;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.DeadLetter;

/**
 * One inventory row with what the feed decided to do with it ({@link RowDecisions}), and what it
 * fetched to decide: the metadata of a version to announce, or the dead letter of one it could not
 * read.
 */
record PreparedRow(
    long rowNumber, InventoryRow row, Fate fate, ArticleMetadata metadata, DeadLetter deadLetter) {

  /** What becomes of a row. */
  enum Fate {
    IGNORE,
    UNCHANGED,
    SKIP,
    ANNOUNCE,
    FAILED
  }

  Announcement announcement(String inventory) {
    return new Announcement(
        Change.VERSION,
        row.key(),
        metadata.pmcid(),
        metadata.version(),
        row.etag(),
        row.lastModified(),
        inventory,
        metadata);
  }
}
