package org.figstream.processors.api;

import java.util.List;
import java.util.Locale;

/**
 * Which media files can be the image of a pair: the suffixes the extractor resolves graphic hrefs
 * with, and the files the fetcher and the local sources bother to read. One list, so that a file
 * the extractor would resolve is never one the sources left behind.
 */
public final class ImageFiles {
  /** Lower case, with the dot; matched case-insensitively. */
  public static final List<String> SUFFIXES =
      List.of(".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff");

  private ImageFiles() {}

  public static boolean isImage(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    for (String suffix : SUFFIXES) {
      if (n.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
