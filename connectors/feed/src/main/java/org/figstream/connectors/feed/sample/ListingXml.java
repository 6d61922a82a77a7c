package org.figstream.connectors.feed.sample;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Answers S3 ListObjectsV2 ({@code ?list-type=2}) over the emulator's keys, in S3's own XML. */
final class ListingXml {
  private ListingXml() {}

  static String answer(
      Map<String, StoredObject> objects,
      String prefix,
      String delimiter,
      String token,
      int maxKeys) {
    List<String> matching =
        objects.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    List<String> keys = new ArrayList<>();
    Set<String> prefixes = new LinkedHashSet<>();
    for (String key : matching) {
      String rest = key.substring(prefix.length());
      int d = delimiter == null || delimiter.isEmpty() ? -1 : rest.indexOf(delimiter);
      if (d >= 0) {
        prefixes.add(prefix + rest.substring(0, d + delimiter.length()));
      } else {
        keys.add(key);
      }
    }
    List<String> entries = new ArrayList<>(prefixes);
    entries.addAll(keys);
    entries.sort(null);
    int start = token == null ? 0 : Integer.parseInt(token);
    int end = Math.min(entries.size(), start + maxKeys);
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
            .append("<Name>pmc-oa-opendata</Name><Prefix>")
            .append(escape(prefix))
            .append("</Prefix>")
            .append("<KeyCount>")
            .append(end - start)
            .append("</KeyCount><MaxKeys>")
            .append(maxKeys)
            .append("</MaxKeys>");
    if (delimiter != null) {
      xml.append("<Delimiter>").append(escape(delimiter)).append("</Delimiter>");
    }
    xml.append("<IsTruncated>").append(end < entries.size()).append("</IsTruncated>");
    if (end < entries.size()) {
      xml.append("<NextContinuationToken>").append(end).append("</NextContinuationToken>");
    }
    for (String entry : entries.subList(start, end)) {
      if (prefixes.contains(entry)) {
        xml.append("<CommonPrefixes><Prefix>")
            .append(escape(entry))
            .append("</Prefix></CommonPrefixes>");
      } else {
        StoredObject o = objects.get(entry);
        xml.append("<Contents><Key>")
            .append(escape(entry))
            .append("</Key><LastModified>")
            .append(o.lastModified())
            .append("</LastModified><ETag>&quot;")
            .append(o.etag())
            .append("&quot;</ETag><Size>")
            .append(o.size())
            .append("</Size>")
            .append("<StorageClass>STANDARD</StorageClass></Contents>");
      }
    }
    return xml.append("</ListBucketResult>").toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
