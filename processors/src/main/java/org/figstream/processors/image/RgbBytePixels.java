package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.util.Arrays;

/**
 * The sample array of an opaque 8-bit sRGB image interleaved in R, G, B order (what {@link
 * RgbOrderDestination} has the JPEG decoder fill), for code that reads its pixels in place instead
 * of converting the whole image to packed ints first.
 *
 * @param data R, G, B samples, shared with the image
 * @param origin index of pixel (0, 0)'s red sample
 * @param stride array elements from one row to the next
 */
record RgbBytePixels(byte[] data, int origin, int stride) {

  private static final int[] RGB_ORDER = {0, 1, 2};

  /** The image's array, or null when its samples are laid out any other way. */
  static RgbBytePixels of(BufferedImage image) {
    if (!(image.getColorModel() instanceof ComponentColorModel cm)
        || !cm.getColorSpace().isCS_sRGB()
        || cm.hasAlpha()
        || !(image.getRaster().getDataBuffer() instanceof DataBufferByte buffer)
        || buffer.getNumBanks() != 1
        || !(image.getSampleModel() instanceof PixelInterleavedSampleModel model)
        || model.getPixelStride() != 3
        || !Arrays.equals(model.getBandOffsets(), RGB_ORDER)) {
      return null;
    }
    for (int bits : cm.getComponentSize()) {
      if (bits != 8) {
        return null;
      }
    }
    var raster = image.getRaster();
    int origin =
        buffer.getOffset()
            + model.getOffset(
                -raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());
    return new RgbBytePixels(buffer.getData(), origin, model.getScanlineStride());
  }

  /** Index in {@link #data} of pixel (x, y)'s red sample. */
  int index(int x, int y) {
    return origin + y * stride + 3 * x;
  }
}
