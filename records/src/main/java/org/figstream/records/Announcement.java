package org.figstream.records;

/**
 * An article version the feed found new, changed or gone. Idempotent: replaying one is harmless,
 * since downstream keys everything by PMCID and version and keeps the latest.
 *
 * @param key the bucket key of the version's metadata ({@code metadata/PMC123.1.json})
 * @param etag the metadata object's ETag in the inventory (null for sources without one)
 * @param lastModified as the inventory states it (ISO-8601), or null
 * @param source where it came from: the inventory id ({@code 2026-11-21T01-00Z}), {@code esearch},
 *     {@code folder:...} or {@code oa.fcgi}
 * @param metadata the version's metadata; null for a removal
 */
public record Announcement(
    Change change,
    String key,
    String pmcid,
    int version,
    String etag,
    String lastModified,
    String source,
    ArticleMetadata metadata) {

  /** Whether this version should leave the dataset (removed, or retracted). */
  public boolean withdraws() {
    return change == Change.REMOVAL || (metadata != null && metadata.retracted());
  }
}
