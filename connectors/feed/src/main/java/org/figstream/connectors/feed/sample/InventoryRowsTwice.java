package org.figstream.connectors.feed.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.http.HttpFetcher;

/**
 * Rewrites every inventory of a bucket so that it lists keys twice: every third row of each part
 * again right after itself, and the first row of the first part again at the end of the last part.
 * Manifests and their checksums are rewritten to match, so the inventory is valid, only repetitive.
 */
final class InventoryRowsTwice {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InventoryRowsTwice() {}

  static Map<String, StoredObject> apply(Map<String, StoredObject> objects) {
    Map<String, StoredObject> out = new TreeMap<>(objects);
    objects.forEach(
        (key, object) -> {
          if (key.startsWith(BucketLayout.INVENTORY_PREFIX) && key.endsWith("/manifest.json")) {
            rewrite(key, object, out);
          }
        });
    return out;
  }

  private static void rewrite(
      String manifestKey, StoredObject manifest, Map<String, StoredObject> out) {
    try {
      ObjectNode json = (ObjectNode) JSON.readTree(manifest.bytes());
      List<ObjectNode> files = new ArrayList<>();
      json.withArray("files").forEach(f -> files.add((ObjectNode) f));
      String firstRow = null;
      for (int p = 0; p < files.size(); p++) {
        ObjectNode file = files.get(p);
        String partKey = file.get("key").asText();
        StoredObject part = out.get(partKey);
        List<String> rows = gunzipLines(part.bytes());
        if (p == 0 && !rows.isEmpty()) {
          firstRow = rows.get(0);
        }
        List<String> twice = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
          twice.add(rows.get(r));
          if (r % 3 == 0) {
            twice.add(rows.get(r));
          }
        }
        if (p == files.size() - 1 && firstRow != null) {
          twice.add(firstRow);
        }
        byte[] gz =
            InventoryWriter.gzip(
                (String.join("\n", twice) + "\n").getBytes(StandardCharsets.UTF_8));
        out.put(partKey, StoredObject.of(gz, part.lastModified()));
        file.put("size", gz.length).put("MD5checksum", HttpFetcher.md5Hex(gz));
      }
      byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
      out.put(manifestKey, StoredObject.of(bytes, manifest.lastModified()));
      String checksumKey = manifestKey.replace("/manifest.json", "/manifest.checksum");
      out.put(checksumKey, InventoryWriter.checksum(bytes, manifest.lastModified()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> gunzipLines(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    }
  }
}
