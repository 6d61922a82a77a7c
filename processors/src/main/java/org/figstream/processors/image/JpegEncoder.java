package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Baseline JPEG at an explicit quality, in memory. */
final class JpegEncoder {

  private JpegEncoder() {}

  static byte[] encode(BufferedImage rgb, float quality) {
    return write(asBgrBytes(rgb), quality);
  }

  /** What ImageIO's JPEG writer makes of {@code image} as it is. */
  static byte[] write(BufferedImage image, float quality) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    if (!writers.hasNext()) {
      throw new IllegalStateException("no JPEG writer registered with ImageIO");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      // Writing to memory cannot fail on I/O; anything here is a bug, not bad input.
      throw new UncheckedIOException("JPEG encoding failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * The image as 3-byte BGR, which the JPEG writer copies a scanline at a time; from packed ints it
   * went through getPixels sample by sample, a tenth of the pipeline's Java time in a profile. The
   * same samples, so the same JPEG.
   */
  static BufferedImage asBgrBytes(BufferedImage rgb) {
    IntRgbPixels pixels = IntRgbPixels.of(rgb);
    if (pixels == null) {
      return rgb;
    }
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] out = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    int[] in = pixels.data();
    for (int y = 0, o = 0; y < h; y++) {
      for (int x = 0, i = pixels.index(0, y); x < w; x++, i++) {
        int p = in[i];
        out[o++] = (byte) p;
        out[o++] = (byte) (p >> 8);
        out[o++] = (byte) (p >> 16);
      }
    }
    return bgr;
  }
}
