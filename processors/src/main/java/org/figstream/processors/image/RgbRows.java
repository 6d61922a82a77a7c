package org.figstream.processors.image;

import java.awt.image.BufferedImage;

/**
 * An RGB image's rows as packed ints: read in place from a {@code TYPE_INT_RGB} image's array
 * ({@link IntRgbPixels}), copied through {@code getRGB} otherwise, which costs a colour-model call
 * per pixel. Not thread-safe: a copied row lives in one buffer.
 */
final class RgbRows {
  private final BufferedImage image;
  private final IntRgbPixels pixels;
  private final int[] data;

  RgbRows(BufferedImage image) {
    this.image = image;
    this.pixels = IntRgbPixels.of(image);
    this.data = pixels == null ? new int[image.getWidth()] : pixels.data();
  }

  /** The array that holds row {@code y} once {@link #start} has been called for it. */
  int[] data() {
    return data;
  }

  /** Index in {@link #data} of pixel (0, y); a copied row replaces the one before it. */
  int start(int y) {
    if (pixels != null) {
      return pixels.index(0, y);
    }
    image.getRGB(0, y, image.getWidth(), 1, data, 0, image.getWidth());
    return 0;
  }
}
