package org.figstream.processors.label;

import java.awt.image.BufferedImage;

/**
 * How drawn, rather than photographed, an image looks, from its pixels alone. BIOMEDICA's concepts
 * are about what a figure shows, and the first split among them is visual: a chart, diagram, table or
 * structure is drawn with a handful of flat colours on a flat background, while micrographs, blots,
 * scans and photographs spread their pixels over many shades. The measure is the share of pixels in
 * the eight most common colours (6 bits per channel, so JPEG noise on a flat colour stays in its bin).
 *
 * <p>The rule and its constants were fixed from this reasoning before they were measured on the
 * hand-labelled figures, and have not been tuned on them (see the README's label quality section).
 */
public final class DrawnImage {
  /** Coverage at or below which an image counts as photographic, at or above which as drawn. */
  static final float PHOTOGRAPHIC_BELOW = 0.5f;
  static final float DRAWN_ABOVE = 0.8f;
  private static final int TOP_COLOURS = 8;
  private static final int MAX_SAMPLES_PER_SIDE = 160;

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
    // A grid of samples keeps the cost flat whatever the size; flat areas are large, so a grid finds them.
    int stepX = Math.max(1, w / MAX_SAMPLES_PER_SIDE);
    int stepY = Math.max(1, h / MAX_SAMPLES_PER_SIDE);
    int[] counts = new int[1 << 18];
    int samples = 0;
    for (int y = 0; y < h; y += stepY) {
      for (int x = 0; x < w; x += stepX) {
        int rgb = image.getRGB(x, y);
        counts[((rgb >> 6) & 0x3F000) | ((rgb >> 4) & 0xFC0) | ((rgb >> 2) & 0x3F)]++;
        samples++;
      }
    }
    int[] top = new int[TOP_COLOURS];
    for (int c : counts) {
      if (c > top[TOP_COLOURS - 1]) {
        int i = TOP_COLOURS - 1;
        while (i > 0 && top[i - 1] < c) {
          top[i] = top[i - 1];
          i--;
        }
        top[i] = c;
      }
    }
    long covered = 0;
    for (int c : top) {
      covered += c;
    }
    return covered / (float) samples;
  }
}
