package org.figstream.processors.image;

/**
 * Limits and output choices of {@link ImageNormalizer}.
 *
 * @param maxBytes largest accepted input, checked before any parsing. Default 64 MiB: PLOS and
 *     eLife original TIFFs are a few MB; anything far above is not a journal figure.
 * @param maxPixels largest accepted {@code width * height} as declared by the image header, checked
 *     before pixels are decoded. Default 120 megapixels (a 600 dpi full-page figure is ~35 MP); a
 *     decoded 120 MP image at 8 bits RGBA already needs ~480 MB of heap, so raise it with care.
 * @param longestSide the output's longest side in pixels; larger images are scaled down keeping the
 *     aspect ratio, smaller ones are never scaled up. Default 1024.
 * @param jpegQuality JPEG quality of the output, 0 (smallest) to 1 (best). Default 0.9.
 */
public record ImageSettings(long maxBytes, long maxPixels, int longestSide, float jpegQuality) {

  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  public static final long DEFAULT_MAX_PIXELS = 120_000_000L;
  public static final int DEFAULT_LONGEST_SIDE = 1024;
  public static final float DEFAULT_JPEG_QUALITY = 0.9f;

  public static final ImageSettings DEFAULTS =
      new ImageSettings(
          DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_LONGEST_SIDE, DEFAULT_JPEG_QUALITY);

  public ImageSettings {
    if (maxBytes <= 0 || maxPixels <= 0 || longestSide <= 0) {
      throw new IllegalArgumentException(
          "limits must be positive: " + maxBytes + ", " + maxPixels + ", " + longestSide);
    }
    if (!(jpegQuality >= 0f && jpegQuality <= 1f)) {
      throw new IllegalArgumentException("JPEG quality must be within 0..1: " + jpegQuality);
    }
  }

  public ImageSettings withMaxBytes(long value) {
    return new ImageSettings(value, maxPixels, longestSide, jpegQuality);
  }

  public ImageSettings withMaxPixels(long value) {
    return new ImageSettings(maxBytes, value, longestSide, jpegQuality);
  }

  public ImageSettings withLongestSide(int value) {
    return new ImageSettings(maxBytes, maxPixels, value, jpegQuality);
  }

  public ImageSettings withJpegQuality(float value) {
    return new ImageSettings(maxBytes, maxPixels, longestSide, value);
  }
}
