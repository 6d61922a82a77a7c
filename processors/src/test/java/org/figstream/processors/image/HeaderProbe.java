package org.figstream.processors.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads width and height straight from the bytes (TIFF first IFD, PNG IHDR, JPEG SOFn), without
 * ImageIO: the independent reference the decoder's header values are checked against.
 */
final class HeaderProbe {

  private HeaderProbe() {}

  static int[] dimensions(byte[] b) {
    if (b[0] == 'I' && b[1] == 'I' || b[0] == 'M' && b[1] == 'M') {
      return tiff(b);
    }
    if ((b[0] & 0xff) == 0x89 && b[1] == 'P') {
      ByteBuffer buf = ByteBuffer.wrap(b); // IHDR data starts at 16, big-endian
      return new int[] {buf.getInt(16), buf.getInt(20)};
    }
    if ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
      return jpeg(b);
    }
    throw new IllegalArgumentException("not TIFF, PNG or JPEG");
  }

  private static int[] tiff(byte[] b) {
    ByteBuffer buf =
        ByteBuffer.wrap(b).order(b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int ifd = buf.getInt(4);
    int entries = buf.getShort(ifd) & 0xffff;
    int width = -1;
    int height = -1;
    for (int i = 0; i < entries; i++) {
      int at = ifd + 2 + 12 * i;
      int tag = buf.getShort(at) & 0xffff;
      int type = buf.getShort(at + 2) & 0xffff;
      int value = type == 3 ? buf.getShort(at + 8) & 0xffff : buf.getInt(at + 8); // SHORT or LONG
      if (tag == 256) {
        width = value;
      } else if (tag == 257) {
        height = value;
      }
    }
    return new int[] {width, height};
  }

  private static int[] jpeg(byte[] b) {
    int at = 2;
    while (at + 9 < b.length) {
      int marker = b[at + 1] & 0xff;
      int length = (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
      boolean sof =
          marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (sof) { // FF Cn len(2) precision(1) height(2) width(2)
        int height = (b[at + 5] & 0xff) << 8 | b[at + 6] & 0xff;
        int width = (b[at + 7] & 0xff) << 8 | b[at + 8] & 0xff;
        return new int[] {width, height};
      }
      at += 2 + length;
    }
    throw new IllegalArgumentException("no SOF marker");
  }

  /** A SHORT-valued tag of the first IFD of a little- or big-endian TIFF, or -1. */
  static int tiffShortTag(byte[] b, int wanted) {
    ByteBuffer buf =
        ByteBuffer.wrap(b).order(b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int ifd = buf.getInt(4);
    for (int i = 0; i < (buf.getShort(ifd) & 0xffff); i++) {
      int at = ifd + 2 + 12 * i;
      if ((buf.getShort(at) & 0xffff) == wanted) {
        return buf.getShort(at + 8) & 0xffff;
      }
    }
    return -1;
  }

  /** The component count of a JPEG's baseline SOF0 segment (3 for YCbCr, 4 for CMYK), or -1. */
  static int jpegComponents(byte[] jpeg) {
    for (int i = 2; i < jpeg.length - 10; i++) {
      if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
        return jpeg[i + 9];
      }
    }
    return -1;
  }
}
