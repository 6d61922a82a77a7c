package org.figstream.processors.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Shrinks an RGB image so that its longest side is at most a limit, never enlarging. One bilinear
 * step from a large original skips most source pixels (thin lines and text in figures vanish or
 * alias), so the image is halved repeatedly, each halving averaging 2x2 pixels, and only the last
 * step, less than 2x, goes to the exact size (bicubic: {@link BicubicShrink}, Java2D's pixels in
 * less time).
 */
final class Downscaler {

  private Downscaler() {}

  /**
   * Target size for {@code width x height}: longest side {@code limit}, aspect kept, at least 1.
   */
  static int[] targetSize(int width, int height, int limit) {
    int longest = Math.max(width, height);
    if (longest <= limit) {
      return new int[] {width, height};
    }
    double scale = (double) limit / longest;
    int w = width >= height ? limit : (int) Math.max(1, Math.round(width * scale));
    int h = height > width ? limit : (int) Math.max(1, Math.round(height * scale));
    return new int[] {w, h};
  }

  /**
   * {@code src}, any colour model, as a {@code TYPE_INT_RGB} image whose longest side is at most
   * {@code limit}. A decoded JPEG that only needs the last, bicubic step is shrunk from its samples
   * in place ({@link RgbBytePixels}); everything else is converted to packed RGB first ({@link
   * RgbConverter}). Both give the same pixels: the conversion of such samples is exact.
   */
  static BufferedImage fit(BufferedImage src, int limit) {
    int[] target = targetSize(src.getWidth(), src.getHeight(), limit);
    int w = target[0];
    int h = target[1];
    boolean shrinks = w != src.getWidth() || h != src.getHeight();
    boolean halves = src.getWidth() / 2 >= w && src.getHeight() / 2 >= h;
    if (shrinks && !halves && BicubicShrink.applies(src, w, h)) {
      return BicubicShrink.resize(src, w, h);
    }
    return resize(RgbConverter.toRgb(src), w, h);
  }

  /** Resize a packed RGB image to exactly {@code w x h} (only ever smaller or equal). */
  static BufferedImage resize(BufferedImage src, int w, int h) {
    BufferedImage current = src;
    while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
      current =
          draw(
              current,
              current.getWidth() / 2,
              current.getHeight() / 2,
              RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }
    if (current.getWidth() != w || current.getHeight() != h) {
      current =
          BicubicShrink.applies(current, w, h)
              ? BicubicShrink.resize(current, w, h)
              : draw(current, w, h, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }
    return current;
  }

  /** Java2D's scaling of {@code src} to {@code w x h} with the given interpolation. */
  static BufferedImage draw(BufferedImage src, int w, int h, Object interpolation) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
