package org.figstream.connectors.feed.pubmed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of one {@link UpdateFileFollower#poll}, gathered file by file as they are applied, from
 * which the poll's {@link UpdateFilesResult} is made.
 */
final class UpdatePollTally {
  private final List<String> applied = new ArrayList<>();
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong deletions = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private volatile String blockedAt;

  /** Adds a file applied whole, with its counts. */
  void add(String file, UpdateFileCounts counts) {
    applied.add(file);
    records.addAndGet(counts.records.get());
    deletions.addAndGet(counts.deletions.get());
    skipped.addAndGet(counts.skipped.get());
  }

  /** Notes the file the poll stopped before (dead-lettered). */
  void blockedAt(String file) {
    blockedAt = file;
  }

  UpdateFilesResult result(int listedAfterCursor) {
    int pending = listedAfterCursor - applied.size() - (blockedAt == null ? 0 : 1);
    return new UpdateFilesResult(
        applied, records.get(), deletions.get(), skipped.get(), blockedAt, pending);
  }
}
