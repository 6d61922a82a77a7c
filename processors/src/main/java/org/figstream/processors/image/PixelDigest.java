package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of an RGB image's pixels, row by row, three bytes R, G, B per pixel. Hashing pixels
 * rather than JPEG bytes makes the digest independent of the encoder and its settings.
 */
final class PixelDigest {

  private PixelDigest() {}

  static String sha256(BufferedImage rgb) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
    int w = rgb.getWidth();
    RgbRows rows = new RgbRows(rgb);
    int[] row = rows.data();
    byte[] bytes = new byte[w * 3];
    for (int y = 0; y < rgb.getHeight(); y++) {
      int start = rows.start(y);
      for (int x = 0, i = 0; x < w; x++) {
        int p = row[start + x];
        bytes[i++] = (byte) (p >> 16);
        bytes[i++] = (byte) (p >> 8);
        bytes[i++] = (byte) p;
      }
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
