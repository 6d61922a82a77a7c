package org.figstream.connectors.feed.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.http.HttpFetcher;

/**
 * Writes one day's S3 inventory of the {@code metadata/} objects: gzipped CSV parts and the
 * manifest that lists them, with its checksum. Two parts, so that readers are exercised on a
 * multi-part inventory.
 */
final class InventoryWriter {
  static final int PARTS = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private InventoryWriter() {}

  static Map<String, StoredObject> write(String day, Map<String, StoredObject> state) {
    List<Map.Entry<String, StoredObject>> rows =
        state.entrySet().stream()
            .filter(e -> e.getKey().startsWith(BucketLayout.METADATA_PREFIX))
            .toList();
    String created = "2026-" + day.substring(5, 10) + "T01:00:00.000Z";
    Map<String, StoredObject> out = new TreeMap<>();
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("sourceBucket", BucketLayout.BUCKET);
    manifest.put("destinationBucket", "arn:aws:s3:::" + BucketLayout.BUCKET);
    manifest.put("version", "2016-11-30");
    manifest.put(
        "creationTimestamp", String.valueOf(java.time.Instant.parse(created).toEpochMilli()));
    manifest.put("fileFormat", "CSV");
    manifest.put("fileSchema", "Bucket, Key, LastModifiedDate, ETag");
    ArrayNode files = manifest.putArray("files");
    int perPart = (rows.size() + PARTS - 1) / PARTS;
    for (int p = 0; p < PARTS; p++) {
      StringBuilder csv = new StringBuilder();
      for (Map.Entry<String, StoredObject> row :
          rows.subList(
              Math.min(rows.size(), p * perPart), Math.min(rows.size(), (p + 1) * perPart))) {
        csv.append('"')
            .append(BucketLayout.BUCKET)
            .append("\",\"")
            .append(row.getKey())
            .append("\",\"")
            .append(row.getValue().lastModified())
            .append("\",\"")
            .append(row.getValue().etag())
            .append("\"\n");
      }
      byte[] gz = gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
      String key = BucketLayout.INVENTORY_PREFIX + "data/" + day + "-part-" + (p + 1) + ".csv.gz";
      out.put(key, StoredObject.of(gz, created));
      files
          .addObject()
          .put("key", key)
          .put("size", gz.length)
          .put("MD5checksum", HttpFetcher.md5Hex(gz));
    }
    try {
      byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
      out.put(
          BucketLayout.INVENTORY_PREFIX + day + "/manifest.json", StoredObject.of(json, created));
      out.put(BucketLayout.INVENTORY_PREFIX + day + "/manifest.checksum", checksum(json, created));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The {@code manifest.checksum} object S3 writes beside a manifest: its MD5 as hex text. */
  static StoredObject checksum(byte[] manifest, String lastModified) {
    return StoredObject.of(
        (HttpFetcher.md5Hex(manifest) + "\n").getBytes(StandardCharsets.US_ASCII), lastModified);
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
