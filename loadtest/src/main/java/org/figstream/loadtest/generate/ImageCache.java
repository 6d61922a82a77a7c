package org.figstream.loadtest.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently made image bytes, least recently used out first, bounded in bytes: an image is made when
 * its day is published (for its MD5) and is usually fetched soon after, so most requests are served
 * from here and the rest are made again from their spec.
 */
final class ImageCache {
  private final long maxBytes;
  private final LinkedHashMap<ImageSpec, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;
  private long hits;
  private long misses;

  ImageCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  byte[] get(ImageSpec spec) {
    synchronized (this) {
      byte[] cached = entries.get(spec);
      if (cached != null) {
        hits++;
        return cached;
      }
      misses++;
    }
    byte[] made = ImageRenderer.render(spec);
    put(spec, made);
    return made;
  }

  synchronized void put(ImageSpec spec, byte[] image) {
    if (image.length > maxBytes / 4) {
      return;
    }
    byte[] old = entries.put(spec, image);
    bytes += image.length - (old == null ? 0 : old.length);
    var it = entries.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<ImageSpec, byte[]> eldest = it.next();
      bytes -= eldest.getValue().length;
      it.remove();
    }
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }
}
