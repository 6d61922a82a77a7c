package org.figstream.connectors.feed.bucket;

/** One object of a day's inventory. */
public record InventoryRow(String bucket, String key, String lastModified, String etag) {}
