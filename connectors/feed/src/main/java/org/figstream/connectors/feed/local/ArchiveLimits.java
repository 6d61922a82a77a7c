package org.figstream.connectors.feed.local;

/**
 * Bounds on what one legacy package may hold, counted on the decompressed bytes as they are read,
 * so a gzip bomb stops at the limit instead of after filling memory.
 */
public record ArchiveLimits(long maxTotalBytes, long maxEntryBytes, int maxEntries) {

  public static ArchiveLimits defaults() {
    return new ArchiveLimits(512L * 1024 * 1024, 100L * 1024 * 1024, 10_000);
  }
}
