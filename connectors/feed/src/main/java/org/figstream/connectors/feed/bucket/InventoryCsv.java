package org.figstream.connectors.feed.bucket;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses inventory CSV lines ({@code "bucket","key","last_modified","etag"}, quoted, {@code ""} for
 * a quote). The column order comes from the manifest's {@code fileSchema}, which S3 lets owners
 * change.
 */
final class InventoryCsv {
  private final int bucket;
  private final int key;
  private final int lastModified;
  private final int etag;

  InventoryCsv(String fileSchema) {
    List<String> columns = new ArrayList<>();
    for (String c :
        (fileSchema == null ? "Bucket, Key, LastModifiedDate, ETag" : fileSchema).split(",")) {
      columns.add(c.trim().toLowerCase(java.util.Locale.ROOT));
    }
    bucket = columns.indexOf("bucket");
    key = columns.indexOf("key");
    lastModified = columns.indexOf("lastmodifieddate");
    etag = columns.indexOf("etag");
    if (key < 0 || etag < 0) {
      throw new IllegalArgumentException("inventory schema lacks Key or ETag: " + fileSchema);
    }
  }

  InventoryRow parse(String line) {
    List<String> fields = split(line);
    if (fields.size() <= Math.max(key, etag)) {
      throw new IllegalArgumentException("inventory row has " + fields.size() + " fields: " + line);
    }
    return new InventoryRow(
        field(fields, bucket),
        fields.get(key),
        field(fields, lastModified),
        stripQuotes(fields.get(etag)));
  }

  private static String field(List<String> fields, int i) {
    return i >= 0 && i < fields.size() ? fields.get(i) : null;
  }

  private static String stripQuotes(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1)
        : etag;
  }

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
