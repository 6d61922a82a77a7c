package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The kinds of image file the bad-input tests of later stages feed in: the colour models the
 * samples lack and the files that must be refused. Public so that the CLI tests (another module)
 * can use them.
 */
public final class BadImages {
  private BadImages() {}

  /** Left half pure cyan ink, right half pure black ink, as a 4-band CMYK raster of 64x32. */
  static WritableRaster cmykRaster(boolean inverted) {
    WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 32, 4, null);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 64; x++) {
        int[] ink = x < 32 ? new int[] {255, 0, 0, 0} : new int[] {0, 0, 0, 255};
        for (int b = 0; b < 4; b++) {
          ink[b] = inverted ? 255 - ink[b] : ink[b];
        }
        r.setPixel(x, y, ink);
      }
    }
    return r;
  }

  /**
   * {@link #cmykRaster} as Photoshop writes CMYK JPEGs: an Adobe APP14 segment (transform 0),
   * inverted samples.
   */
  public static byte[] cmykJpeg() {
    WritableRaster r = cmykRaster(true);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(r, null, null), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    byte[] plain = bytes.toByteArray();
    byte[] app14 = {
      (byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0
    };
    byte[] cmyk = new byte[plain.length + app14.length];
    System.arraycopy(plain, 0, cmyk, 0, 2);
    System.arraycopy(app14, 0, cmyk, 2, app14.length);
    System.arraycopy(plain, 2, cmyk, 2 + app14.length, plain.length - 2);
    return cmyk;
  }

  /** A 16-bit grey PNG with a gradient, 80x60. */
  public static byte[] grey16Png() {
    BufferedImage image = new BufferedImage(80, 60, BufferedImage.TYPE_USHORT_GRAY);
    for (int y = 0; y < 60; y++) {
      for (int x = 0; x < 80; x++) {
        image.getRaster().setSample(x, y, 0, x * 800 + y * 40);
      }
    }
    return SyntheticImages.write(image, "png", null);
  }

  /** A valid PNG header claiming 100000 x 100000 pixels. */
  public static byte[] enormousPng() {
    return SyntheticImages.png(100_000, 100_000, 8, 2, new byte[16]);
  }

  /** The PNG signature followed by text. */
  public static byte[] corruptPng() {
    byte[] garbage =
        "this is not image data at all, only text after a PNG signature"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[8 + garbage.length];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, out, 0, 8);
    System.arraycopy(garbage, 0, out, 8, garbage.length);
    return out;
  }
}
