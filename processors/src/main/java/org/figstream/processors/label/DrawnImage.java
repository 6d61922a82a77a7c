package org.figstream.processors.label;

import java.awt.image.BufferedImage;
import org.figstream.processors.image.IntRgbPixels;

/**
 * How drawn, rather than photographed, an image looks, from its pixels alone. BIOMEDICA's concepts
 * are about what a figure shows, and the first split among them is visual: a chart, diagram, table
 * or structure is drawn with a handful of flat colours on a flat background, while micrographs,
 * blots, scans and photographs spread their pixels over many shades. The measure is the share of
 * pixels in the eight most common colours (6 bits per channel, so JPEG noise on a flat colour stays
 * in its bin).
 *
 * <p>The rule and its constants were fixed from this reasoning before they were measured on the
 * hand-labelled figures, and have not been tuned on them (see "How good are the labels?" in
 * docs/embeddings-and-labels.md).
 */
public final class DrawnImage {
  /** Coverage at or below which an image counts as photographic, at or above which as drawn. */
  static final float PHOTOGRAPHIC_BELOW = 0.5f;

  static final float DRAWN_ABOVE = 0.8f;
  private static final int TOP_COLOURS = 8;
  private static final int MAX_SAMPLES_PER_SIDE = 160;

  /**
   * One count per 6-bit colour, per thread: 1 MB that would otherwise be allocated and scanned per
   * image.
   */
  private static final ThreadLocal<int[]> COUNTS = ThreadLocal.withInitial(() -> new int[1 << 18]);

  private DrawnImage() {}

  /** 0 for a photograph, 1 for a drawing, linear in between (compound figures land there). */
  public static float probability(BufferedImage image) {
    float coverage = paletteCoverage(image);
    float p = (coverage - PHOTOGRAPHIC_BELOW) / (DRAWN_ABOVE - PHOTOGRAPHIC_BELOW);
    return Math.max(0f, Math.min(1f, p));
  }

  /** Share of sampled pixels whose 6-bit colour is one of the eight most common. */
  static float paletteCoverage(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (w < 1 || h < 1) {
      throw new IllegalArgumentException("image has no pixels");
    }
    // A grid of samples keeps the cost flat whatever the size; flat areas are large, so a grid
    // finds them.
    int stepX = (w + MAX_SAMPLES_PER_SIDE - 1) / MAX_SAMPLES_PER_SIDE;
    int stepY = (h + MAX_SAMPLES_PER_SIDE - 1) / MAX_SAMPLES_PER_SIDE;
    int[] counts = COUNTS.get();
    int[] touched = new int[((w + stepX - 1) / stepX) * ((h + stepY - 1) / stepY)];
    int distinct = 0;
    int samples = 0;
    PixelRows rows = PixelRows.of(image);
    for (int y = 0; y < h; y += stepY) {
      for (int x = 0; x < w; x += stepX) {
        int rgb = rows.rgb(x, y);
        int bin = ((rgb >> 6) & 0x3F000) | ((rgb >> 4) & 0xFC0) | ((rgb >> 2) & 0x3F);
        if (counts[bin]++ == 0) {
          touched[distinct++] = bin;
        }
        samples++;
      }
    }
    int[] top = new int[TOP_COLOURS];
    for (int i = 0; i < distinct; i++) {
      int c = counts[touched[i]];
      counts[touched[i]] = 0; // leaves the shared table clean for the next image
      if (c > top[TOP_COLOURS - 1]) {
        int j = TOP_COLOURS - 1;
        while (j > 0 && top[j - 1] < c) {
          top[j] = top[j - 1];
          j--;
        }
        top[j] = c;
      }
    }
    long covered = 0;
    for (int c : top) {
      covered += c;
    }
    return covered / (float) samples;
  }

  /**
   * Reads packed RGB straight from a {@code TYPE_INT_RGB} raster's array, through Java2D otherwise.
   */
  private interface PixelRows {
    int rgb(int x, int y);

    static PixelRows of(BufferedImage image) {
      IntRgbPixels pixels = IntRgbPixels.of(image);
      if (pixels != null) {
        int[] data = pixels.data();
        return (x, y) -> data[pixels.index(x, y)];
      }
      return image::getRGB;
    }
  }
}
