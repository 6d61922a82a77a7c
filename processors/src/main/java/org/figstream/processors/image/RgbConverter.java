package org.figstream.processors.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Turns whatever a decoder returns (palette, grey, 16-bit, CMYK, ICC-tagged, with or without alpha)
 * into 8-bit sRGB {@code TYPE_INT_RGB}, transparent areas flattened onto white (figures are drawn
 * on white paper; black would hide black line art).
 */
final class RgbConverter {

  private RgbConverter() {}

  static BufferedImage toRgb(BufferedImage src) {
    if (src.getType() == BufferedImage.TYPE_INT_RGB) {
      return src;
    }
    ColorModel cm = src.getColorModel();
    if (cm instanceof ComponentColorModel) {
      ColorSpace cs = cm.getColorSpace();
      int type = cm.getTransferType();
      boolean integral = type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT;
      if (integral && (cs.getType() == ColorSpace.TYPE_GRAY || cs.isCS_sRGB())) {
        return scaleComponents(src);
      }
      // CMYK, Lab, ICC-tagged RGB: a bulk colour-managed conversion, not per-pixel getRGB calls.
      BufferedImage converted =
          new BufferedImage(
              src.getWidth(),
              src.getHeight(),
              cm.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
      new ColorConvertOp(null).filter(src, converted);
      return cm.hasAlpha() ? drawOnWhite(converted) : converted;
    }
    return drawOnWhite(src); // palette and packed models: Java2D's own loops are exact and fast
  }

  /**
   * Grey and sRGB component images, any bit depth. Done by hand because Java2D treats its grey
   * colour space as linear and would lighten 16-bit grey; file grey values are already
   * display-encoded.
   */
  private static BufferedImage scaleComponents(BufferedImage src) {
    ColorModel cm = src.getColorModel();
    Raster raster = src.getRaster();
    int w = src.getWidth();
    int h = src.getHeight();
    int bands = raster.getNumBands();
    boolean grey = cm.getNumColorComponents() == 1;
    boolean alpha = cm.hasAlpha();
    boolean premultiplied = cm.isAlphaPremultiplied();
    int[] max = new int[bands];
    for (int b = 0; b < bands; b++) {
      max[b] = (1 << cm.getComponentSize(b)) - 1;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] samples = new int[w * bands];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getPixels(0, y, w, 1, samples);
      for (int x = 0, i = 0; x < w; x++, i += bands) {
        int r = to8(samples[i], max[0]);
        int g = grey ? r : to8(samples[i + 1], max[1]);
        int b = grey ? r : to8(samples[i + 2], max[2]);
        if (alpha) {
          int a = to8(samples[i + bands - 1], max[bands - 1]);
          r = onWhite(r, a, premultiplied);
          g = onWhite(g, a, premultiplied);
          b = onWhite(b, a, premultiplied);
        }
        row[x] = r << 16 | g << 8 | b;
      }
      out.setRGB(0, y, w, 1, row, 0, w);
    }
    return out;
  }

  private static int to8(int value, int max) {
    return max == 255 ? value : (int) (((long) value * 255 + max / 2) / max);
  }

  private static int onWhite(int c, int a, boolean premultiplied) {
    int over = premultiplied ? c : (c * a + 127) / 255;
    return Math.min(255, over + 255 - a);
  }

  private static BufferedImage drawOnWhite(BufferedImage src) {
    BufferedImage out =
        new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, src.getWidth(), src.getHeight());
      g.drawImage(src, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
