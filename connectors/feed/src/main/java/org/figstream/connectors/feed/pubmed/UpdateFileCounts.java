package org.figstream.connectors.feed.pubmed;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of one update file, kept apart from the poll's so that they are added to it only once the
 * file is applied (a file dead-lettered half-way counts for nothing).
 */
final class UpdateFileCounts {
  final AtomicLong records = new AtomicLong();
  final AtomicLong deletions = new AtomicLong();
  final AtomicLong skipped = new AtomicLong();
}
