package org.figstream.connectors.feed.bucket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.FileRef;

/**
 * Reads a version's {@code metadata/PMCn.v.json}; fields it does not know are kept, not dropped.
 */
public final class MetadataParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KNOWN =
      Set.of(
          "pmcid",
          "version",
          "pmid",
          "doi",
          "title",
          "citation",
          "license_code",
          "is_pmc_openaccess",
          "is_manuscript",
          "is_historical_ocr",
          "is_retracted",
          "xml_url",
          "pdf_url",
          "text_url",
          "media_urls");

  private MetadataParser() {}

  /**
   * @throws IllegalArgumentException when the bytes are not a metadata object with pmcid and
   *     version
   */
  public static ArticleMetadata parse(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("metadata is not JSON: " + e.getMessage(), e);
    }
    if (root == null
        || !root.isObject()
        || !root.hasNonNull("pmcid")
        || !root.hasNonNull("version")) {
      throw new IllegalArgumentException("metadata lacks pmcid or version");
    }
    List<FileRef> media = new ArrayList<>();
    for (JsonNode m : root.path("media_urls")) {
      media.add(fileRef(m.asText()));
    }
    Map<String, String> other = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!KNOWN.contains(field.getKey())) {
        other.put(field.getKey(), field.getValue().toString());
      }
    }
    return new ArticleMetadata(
        root.get("pmcid").asText(),
        root.get("version").asInt(),
        text(root, "pmid"),
        text(root, "doi"),
        text(root, "title"),
        text(root, "citation"),
        text(root, "license_code"),
        root.path("is_pmc_openaccess").asBoolean(false),
        root.path("is_manuscript").asBoolean(false),
        root.path("is_historical_ocr").asBoolean(false),
        root.path("is_retracted").asBoolean(false),
        fileRef(text(root, "xml_url")),
        fileRef(text(root, "pdf_url")),
        fileRef(text(root, "text_url")),
        List.copyOf(media),
        Map.copyOf(other));
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** A bucket URL with its {@code ?md5=} checksum split off. */
  static FileRef fileRef(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String md5 = null;
    int q = url.indexOf('?');
    if (q >= 0) {
      for (String param : url.substring(q + 1).split("&")) {
        if (param.startsWith("md5=")) {
          md5 = param.substring(4).toLowerCase(java.util.Locale.ROOT);
        }
      }
    }
    return new FileRef(url, md5);
  }
}
