package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * The pixel array of a {@code TYPE_INT_RGB} image (what the normaliser makes), for code that reads
 * many pixels: going through {@code getRGB} costs a colour-model call per pixel.
 *
 * @param data packed RGB, shared with the image
 * @param origin index of pixel (0, 0): a subimage shares its parent's array and starts inside it
 * @param stride array elements from one row to the next
 */
public record IntRgbPixels(int[] data, int origin, int stride) {

  /**
   * The image's array, or null when its pixels are not packed RGB ints and must go through Java2D.
   */
  public static IntRgbPixels of(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB
        || !(image.getRaster().getDataBuffer() instanceof DataBufferInt buffer)
        || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel model)) {
      return null;
    }
    WritableRaster raster = image.getRaster();
    int origin =
        buffer.getOffset()
            + model.getOffset(
                -raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());
    return new IntRgbPixels(buffer.getData(), origin, model.getScanlineStride());
  }

  /** Index of pixel (x, y) in {@link #data}. */
  public int index(int x, int y) {
    return origin + y * stride + x;
  }
}
