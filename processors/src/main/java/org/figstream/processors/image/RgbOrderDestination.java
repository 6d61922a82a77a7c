package org.figstream.processors.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * Where the JPEG decoder would fill a {@code TYPE_3BYTE_BGR} image, hands it an image of the same
 * 8-bit sRGB samples in R, G, B order instead. The decoder makes each scanline in R, G, B order and
 * copies it into the destination; into BGR that copy goes sample by sample (a third of the
 * decoder's time on the load generator's JPEGs, in a profile), into RGB order it is one array copy
 * a line. The samples are the same, so are the pixels that come out of the normaliser.
 */
final class RgbOrderDestination {

  /** Opaque 8-bit sRGB, the colour model of the images this hands the decoder. */
  static final ComponentColorModel SRGB =
      new ComponentColorModel(
          ColorSpace.getInstance(ColorSpace.CS_sRGB),
          false,
          false,
          Transparency.OPAQUE,
          DataBuffer.TYPE_BYTE);

  private RgbOrderDestination() {}

  /**
   * Sets the destination on {@code param} when the reader's own choice would be 3-byte BGR.
   *
   * @param format the decoder's canonical format name
   */
  static void set(
      ImageReader reader, String format, ImageReadParam param, int width, int height, int step) {
    if (!"jpeg".equals(format) || !defaultIsBgr(reader)) {
      return;
    }
    int w = (width + step - 1) / step;
    int h = (height + step - 1) / step;
    WritableRaster raster =
        Raster.createInterleavedRaster(
            DataBuffer.TYPE_BYTE, w, h, w * 3, 3, new int[] {0, 1, 2}, null);
    param.setDestination(new BufferedImage(SRGB, raster, false, null));
  }

  private static boolean defaultIsBgr(ImageReader reader) {
    try {
      Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
      return types.hasNext() && types.next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
    } catch (IOException | RuntimeException e) {
      return false; // the read that follows reports what is wrong with the file
    }
  }
}
