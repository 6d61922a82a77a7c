package org.figstream.connectors.feed.pubmed;

import java.util.List;

/**
 * What one {@link UpdateFileFollower#poll} did.
 *
 * @param applied the files applied in full, in order; the cursor is at the last
 * @param records citations delivered (those of articles in PMC)
 * @param deletions {@code DeleteCitation} PMIDs delivered as deletions
 * @param skippedNotInPmc citations skipped because they have no PMCID
 * @param blockedAt the file the poll stopped at (dead-lettered, not applied, tried again next
 *     poll), or null
 * @param pending files listed after the cursor but left for the next poll ({@link
 *     PubmedSettings#maxFilesPerPoll()})
 */
public record UpdateFilesResult(
    List<String> applied,
    long records,
    long deletions,
    long skippedNotInPmc,
    String blockedAt,
    int pending) {
  public UpdateFilesResult {
    applied = List.copyOf(applied);
  }
}
