package org.figstream.processors.image;

import java.util.concurrent.Semaphore;

/**
 * Large progressive JPEGs, decoded one at a time. The JDK's libjpeg, which TwelveMonkeys' reader
 * calls, keeps the coefficients of a whole progressive image in native memory, whatever the
 * subsampling asked for: about 3 bytes a pixel (a 64 MP file of 376 KB took the process from 46 to
 * 253 MB, a baseline one of the same size to 56 MB), outside the heap and its limit. One such
 * decode per core at once could take a container past its memory; one at a time bounds it to one
 * image's worth (some 360 MB at the 120 MP limit) and loses no figure.
 */
final class ProgressiveJpeg {
  /** Above this many pixels a progressive JPEG waits its turn: 48 MB of coefficients. */
  static final long LARGE_PIXELS = 16_000_000L;

  private static final Semaphore ONE_AT_A_TIME = new Semaphore(1);

  private ProgressiveJpeg() {}

  /** Whether the JPEG's frame header (SOFn) is progressive, read from its markers. */
  static boolean isProgressive(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
      return false;
    }
    int i = 2;
    while (i + 1 < jpeg.length) {
      if ((jpeg[i] & 0xFF) != 0xFF) {
        return false; // not at a marker: a damaged file, which the decoder reports
      }
      int marker = jpeg[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // a fill byte
        continue;
      }
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
      }
      if (marker == 0xD9 || marker == 0xDA) {
        return false; // the end, or scan data, before any frame header
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        i += 2; // markers without a length
        continue;
      }
      if (i + 3 >= jpeg.length) {
        return false;
      }
      i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
    }
    return false;
  }

  /** What decoding does, which may fail as a decoder does. */
  interface Decode<T> {
    T run() throws java.io.IOException;
  }

  /** Runs {@code decode}, after any other large progressive decode when this one is one too. */
  static <T> T decode(boolean large, Decode<T> decode) throws java.io.IOException {
    if (!large) {
      return decode.run();
    }
    ONE_AT_A_TIME.acquireUninterruptibly();
    try {
      return decode.run();
    } finally {
      ONE_AT_A_TIME.release();
    }
  }
}
