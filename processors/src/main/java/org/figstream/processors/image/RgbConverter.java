package org.figstream.processors.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
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
    // written straight into the output's array: setRGB costs a colour-model call per pixel, and
    // this loop was the largest share of the pipeline's Java time (a JFR profile of a backfill)
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    ByteSamples bytes = ByteSamples.of(raster, max);
    int[] samples = bytes == null ? new int[w * bands] : null;
    for (int y = 0; y < h; y++) {
      if (bytes == null) {
        raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, samples);
      }
      for (int x = 0, i = 0, o = y * w; x < w; x++, i += bands, o++) {
        int r;
        int g;
        int b;
        int a;
        if (bytes != null) {
          int at = bytes.index(x, y);
          r = bytes.sample(at, 0);
          g = grey ? r : bytes.sample(at, 1);
          b = grey ? r : bytes.sample(at, 2);
          a = alpha ? bytes.sample(at, bands - 1) : 255;
        } else {
          r = to8(samples[i], max[0]);
          g = grey ? r : to8(samples[i + 1], max[1]);
          b = grey ? r : to8(samples[i + 2], max[2]);
          a = alpha ? to8(samples[i + bands - 1], max[bands - 1]) : 255;
        }
        if (alpha) {
          r = onWhite(r, a, premultiplied);
          g = onWhite(g, a, premultiplied);
          b = onWhite(b, a, premultiplied);
        }
        dst[o] = r << 16 | g << 8 | b;
      }
    }
    return out;
  }

  /**
   * The 8-bit samples of a raster over one byte array, read in place (what the JPEG decoder and
   * most PNG decodes give): {@code getPixels} copies them through the sample model one at a time.
   */
  private record ByteSamples(byte[] data, int origin, int pixelStride, int scanline, int[] bands) {

    static ByteSamples of(Raster raster, int[] max) {
      for (int m : max) {
        if (m != 255) {
          return null;
        }
      }
      if (!(raster.getDataBuffer() instanceof DataBufferByte buffer)
          || buffer.getNumBanks() != 1
          || !(raster.getSampleModel() instanceof ComponentSampleModel model)) {
        return null;
      }
      int origin =
          buffer.getOffset()
              + (raster.getMinY() - raster.getSampleModelTranslateY()) * model.getScanlineStride()
              + (raster.getMinX() - raster.getSampleModelTranslateX()) * model.getPixelStride();
      return new ByteSamples(
          buffer.getData(),
          origin,
          model.getPixelStride(),
          model.getScanlineStride(),
          model.getBandOffsets());
    }

    int index(int x, int y) {
      return origin + y * scanline + x * pixelStride;
    }

    int sample(int index, int band) {
      return data[index + bands[band]] & 0xff;
    }
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
