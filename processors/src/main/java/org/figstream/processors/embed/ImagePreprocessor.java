package org.figstream.processors.embed;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Turns a decoded image into one model input as the descriptor says: resize (bilinear, as the
 * reference export was checked with), scale, subtract the mean, divide by the std, in NHWC or NCHW
 * order. Runs on the caller's thread so that it overlaps inference of the previous batch.
 */
public final class ImagePreprocessor {
  private final EncoderDescriptor d;

  public ImagePreprocessor(EncoderDescriptor descriptor) {
    this.d = descriptor;
  }

  public float[] apply(BufferedImage image) {
    if (image.getWidth() < 1 || image.getHeight() < 1) {
      throw new IllegalArgumentException("image has no pixels");
    }
    BufferedImage square = resize(image);
    int n = d.size();
    int[] argb = square.getRGB(0, 0, n, n, null, 0, n);
    float[] out = new float[3 * n * n];
    boolean nchw = d.layout().equals("NCHW");
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      for (int c = 0; c < 3; c++) {
        int v = (p >> (16 - 8 * c)) & 0xFF;
        float x = (v / d.scale() - d.mean()[c]) / d.std()[c];
        out[nchw ? c * n * n + i : i * 3 + c] = x;
      }
    }
    return out;
  }

  private BufferedImage resize(BufferedImage src) {
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
    BufferedImage dst = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = dst.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, n, n, sx, sy, sx + sw, sy + sh, null);
    } finally {
      g.dispose();
    }
    return dst;
  }
}
