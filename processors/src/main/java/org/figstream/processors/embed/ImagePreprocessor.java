package org.figstream.processors.embed;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.figstream.processors.image.IntRgbPixels;

/**
 * Turns a decoded image into one model input as the descriptor says: resize (bilinear, as the
 * reference export was checked with), scale, subtract the mean, divide by the std, in NHWC or NCHW
 * order. Runs on the caller's thread so that it overlaps inference of the previous batch.
 *
 * <p>The normaliser's {@code TYPE_INT_RGB} rasters are resized straight from their pixel array
 * ({@link BilinearResize}); anything else (a decoded JPEG, PNG, TIFF) is drawn by Java2D. Both give
 * the same bytes for the same RGB pixels.
 */
public final class ImagePreprocessor {
  private final EncoderDescriptor d;

  /** Per channel, the input value of each byte: the same float arithmetic, done once per byte. */
  private final float[][] values = new float[3][256];

  public ImagePreprocessor(EncoderDescriptor descriptor) {
    this.d = descriptor;
    for (int c = 0; c < 3; c++) {
      for (int v = 0; v < 256; v++) {
        values[c][v] = (v / d.scale() - d.mean()[c]) / d.std()[c];
      }
    }
  }

  public float[] apply(BufferedImage image) {
    if (image.getWidth() < 1 || image.getHeight() < 1) {
      throw new IllegalArgumentException("image has no pixels");
    }
    int n = d.size();
    int[] rgb = resize(image);
    float[] out = new float[3 * n * n];
    float[] red = values[0];
    float[] green = values[1];
    float[] blue = values[2];
    if (d.layout().equals("NCHW")) {
      int plane = n * n;
      for (int i = 0; i < plane; i++) {
        int p = rgb[i];
        out[i] = red[p >> 16 & 0xFF];
        out[plane + i] = green[p >> 8 & 0xFF];
        out[2 * plane + i] = blue[p & 0xFF];
      }
    } else {
      for (int i = 0, o = 0; i < rgb.length; i++, o += 3) {
        int p = rgb[i];
        out[o] = red[p >> 16 & 0xFF];
        out[o + 1] = green[p >> 8 & 0xFF];
        out[o + 2] = blue[p & 0xFF];
      }
    }
    return out;
  }

  /** The n x n square as packed RGB, row by row. */
  private int[] resize(BufferedImage src) {
    int n = d.size();
    int sx = 0;
    int sy = 0;
    int sw = src.getWidth();
    int sh = src.getHeight();
    if (d.resize().equals("crop")) {
      int side = Math.min(sw, sh);
      sx = (sw - side) / 2;
      sy = (sh - side) / 2;
      sw = side;
      sh = side;
    }
    IntRgbPixels pixels = IntRgbPixels.of(src);
    if (pixels != null) {
      return BilinearResize.of(pixels, sx, sy, sw, sh, n);
    }
    BufferedImage dst = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = dst.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, n, n, sx, sy, sx + sw, sy + sh, null);
    } finally {
      g.dispose();
    }
    return ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
  }
}
