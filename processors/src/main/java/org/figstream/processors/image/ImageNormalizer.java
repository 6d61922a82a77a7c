package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.records.NormalizedImage;

/**
 * The image step of the pipeline: figure bytes as found in an article package (JPEG incl. CMYK,
 * PNG, GIF, TIFF incl. LZW/Deflate, 16-bit, CMYK, multi-page) in, one bounded 8-bit sRGB JPEG with
 * its pixel digest and perceptual hash out. Thread-safe and stateless; one instance serves a
 * pipeline.
 */
public final class ImageNormalizer {

  private final ImageSettings settings;
  private final ImageDecoder decoder;

  public ImageNormalizer() {
    this(ImageSettings.DEFAULTS);
  }

  public ImageNormalizer(ImageSettings settings) {
    this.settings = settings;
    this.decoder = new ImageDecoder(settings);
  }

  public ImageSettings settings() {
    return settings;
  }

  /**
   * @throws ImageRejectedException for empty, oversized, unsupported, corrupt or truncated input
   *     and for headers that declare zero or too many pixels (checked before decoding)
   */
  public NormalizedImage normalize(byte[] bytes) {
    return normalizeWithPixels(bytes).image();
  }

  /**
   * {@link #normalize} that also hands back the raster the JPEG was encoded from, for a caller that
   * embeds the image next and would otherwise decode the JPEG again.
   *
   * @throws ImageRejectedException as {@link #normalize} does
   */
  public NormalizedPixels normalizeWithPixels(byte[] bytes) {
    ImageDecoder.Decoded decoded = decoder.decode(bytes);
    BufferedImage rgb;
    try {
      rgb = Downscaler.fit(decoded.image(), settings.longestSide());
    } catch (RuntimeException e) {
      // Exotic colour models can fail in Java2D's conversion; still a property of the input.
      throw new ImageRejectedException(
          ImageRejectedException.Reason.CORRUPT,
          "cannot convert " + decoded.format() + " pixels to RGB: " + e,
          e);
    }
    return new NormalizedPixels(
        new NormalizedImage(
            JpegEncoder.encode(rgb, settings.jpegQuality()),
            rgb.getWidth(),
            rgb.getHeight(),
            decoded.width(),
            decoded.height(),
            decoded.format(),
            PixelDigest.sha256(rgb),
            PerceptualHash.of(rgb)),
        rgb);
  }
}
