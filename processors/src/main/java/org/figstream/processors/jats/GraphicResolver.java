package org.figstream.processors.jats;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.figstream.processors.api.ImageFiles;

/**
 * Maps a graphic's {@code xlink:href} to one of the media files that came with the article. Handles
 * hrefs without extension ({@code pone.0046493.g001}, where {@code .g001} is part of the name),
 * with a different extension than the file (PMC serves TIFF originals as JPEG), PLOS {@code
 * info:doi/10.1371/journal.pone.0056489.g001} and Springer {@code 12889_2023_15060_Fig1_HTML}.
 */
final class GraphicResolver {
  /** In order of preference when several renditions of one image are present. */
  private final Map<String, String> byName = new HashMap<>();

  GraphicResolver(Collection<String> mediaNames) {
    for (String media : mediaNames) {
      int query = media.indexOf('?');
      String path = query < 0 ? media : media.substring(0, query);
      byName.putIfAbsent(baseName(path).toLowerCase(Locale.ROOT), media);
    }
  }

  /** The media file for this href, or null when none of the files is it. */
  String resolve(String href) {
    if (href == null || href.isBlank() || byName.isEmpty()) {
      return null;
    }
    String last = baseName(href.trim());
    for (String candidate : new String[] {href.trim(), last, stripPrefix(last, "journal.")}) {
      String found = lookup(candidate.toLowerCase(Locale.ROOT));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private String lookup(String candidate) {
    String exact = byName.get(candidate);
    if (exact != null) {
      return exact;
    }
    String stem = stripImageSuffix(candidate);
    for (String suffix : ImageFiles.SUFFIXES) {
      String found = byName.get(stem + suffix);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  static String stripImageSuffix(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : ImageFiles.SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  private static String stripPrefix(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  /** The last path segment: hrefs and media names may carry folders or a URI scheme. */
  static String baseName(String path) {
    int cut =
        Math.max(path.lastIndexOf('/'), Math.max(path.lastIndexOf('\\'), path.lastIndexOf(':')));
    return path.substring(cut + 1);
  }
}
