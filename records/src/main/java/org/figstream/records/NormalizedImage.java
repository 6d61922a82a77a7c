package org.figstream.records;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One figure image after normalisation: 8-bit sRGB, alpha flattened onto white, longest side
 * capped, re-encoded as JPEG.
 *
 * @param jpeg the normalised image as baseline JPEG bytes
 * @param width width of {@code jpeg} in pixels (after scaling)
 * @param height height of {@code jpeg} in pixels (after scaling)
 * @param originalWidth width declared by the source image (first page for multi-page TIFF)
 * @param originalHeight height declared by the source image
 * @param originalFormat the source format, lower case: {@code jpeg}, {@code png}, {@code tiff},
 *     {@code gif}
 * @param pixelSha256 lower-case hex SHA-256 of the normalised RGB pixels (row by row, bytes R,G,B
 *     per pixel), taken before JPEG encoding: identical pixels give identical digests whatever the
 *     source container, and JPEG encoder changes do not move it
 * @param perceptualHash 64-bit DCT perceptual hash of the normalised pixels; near-duplicates
 *     (re-encoded, slightly resized) differ in few bits, see {@link #hammingDistance(long, long)}
 */
public record NormalizedImage(
    byte[] jpeg,
    int width,
    int height,
    int originalWidth,
    int originalHeight,
    String originalFormat,
    String pixelSha256,
    long perceptualHash) {

  public NormalizedImage {
    if (jpeg == null || jpeg.length == 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "normalised image needs JPEG bytes and positive dimensions");
    }
  }

  /** Number of differing bits between two perceptual hashes (0 = same, 64 = opposite). */
  public static int hammingDistance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** The perceptual hash as 16 hex digits, as stored in topics and indexes. */
  public String perceptualHashHex() {
    return HexFormat.of().toHexDigits(perceptualHash);
  }

  // Records compare arrays by identity; two normalisations of the same bytes must be equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof NormalizedImage n
        && Arrays.equals(jpeg, n.jpeg)
        && width == n.width
        && height == n.height
        && originalWidth == n.originalWidth
        && originalHeight == n.originalHeight
        && originalFormat.equals(n.originalFormat)
        && pixelSha256.equals(n.pixelSha256)
        && perceptualHash == n.perceptualHash;
  }

  @Override
  public int hashCode() {
    return pixelSha256.hashCode() * 31 + Arrays.hashCode(jpeg);
  }

  @Override
  public String toString() {
    return "NormalizedImage["
        + width
        + "x"
        + height
        + " jpeg "
        + jpeg.length
        + " B, from "
        + originalFormat
        + " "
        + originalWidth
        + "x"
        + originalHeight
        + ", sha256 "
        + pixelSha256
        + ", phash "
        + perceptualHashHex()
        + "]";
  }
}
