package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.figstream.processors.api.ImageRejectedException;
import org.figstream.processors.api.ImageRejectedException.Reason;

/**
 * Finds a decoder for the bytes, checks the header's dimensions against the limits and only then
 * decodes the first image (the first page of a multi-page TIFF). Every failure becomes an {@link
 * ImageRejectedException}: decoders throw a zoo of runtime exceptions on hostile input.
 */
final class ImageDecoder {

  /** What was decoded, with the header's facts. */
  record Decoded(BufferedImage image, String format, int width, int height) {}

  // Only figure formats: the JDK also registers WBMP, whose loose signature check accepts random
  // bytes.
  private static final Map<String, String> ACCEPTED =
      Map.of(
          "jpeg", "jpeg", "jpg", "jpeg", "png", "png", "tiff", "tiff", "tif", "tiff", "gif", "gif");

  private final ImageSettings settings;

  ImageDecoder(ImageSettings settings) {
    this.settings = settings;
  }

  Decoded decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new ImageRejectedException(Reason.EMPTY, "no image bytes");
    }
    if (bytes.length > settings.maxBytes()) {
      throw new ImageRejectedException(
          Reason.TOO_LARGE, bytes.length + " bytes, more than the limit of " + settings.maxBytes());
    }
    // A memory-backed stream: ImageIO.createImageInputStream could spill to temp files under load.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = readerFor(in);
      try {
        reader.setInput(in, true, true);
        String format = canonical(reader.getFormatName());
        int width = header(() -> reader.getWidth(0), format);
        int height = header(() -> reader.getHeight(0), format);
        checkDimensions(format, width, height);
        TruncationWatch watch = new TruncationWatch();
        reader.addIIOReadWarningListener(watch);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width, height, settings.longestSide());
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        RgbOrderDestination.set(reader, format, param, width, height, step);
        boolean large =
            format.equals("jpeg")
                && (long) width * height > ProgressiveJpeg.LARGE_PIXELS
                && ProgressiveJpeg.isProgressive(bytes);
        BufferedImage image = ProgressiveJpeg.decode(large, () -> reader.read(0, param));
        watch.check(format);
        return new Decoded(image, format, width, height);
      } finally {
        reader.dispose();
      }
    } catch (ImageRejectedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ImageRejectedException(Reason.CORRUPT, "cannot decode pixels: " + describe(e), e);
    }
  }

  /**
   * Every how many pixels to read, in both directions: an image more than twice the longest side it
   * will be scaled to is decoded at a step that keeps it at least twice that side. A 48 MP photo
   * then takes a 16 MB raster instead of 144 MB, and a third of the decoding work (at -Xmx512m,
   * full rasters of a few large images at once ran the heap out); images up to twice the longest
   * side, all of the samples among them, decode as before.
   */
  static int subsampling(int width, int height, int longestSide) {
    return Math.max(1, Math.max(width, height) / (2 * longestSide));
  }

  private static ImageReader readerFor(ImageInputStream in) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      try {
        if (ACCEPTED.containsKey(reader.getFormatName().toLowerCase(Locale.ROOT))) {
          return reader;
        }
      } catch (IOException e) {
        // getFormatName never reads; fall through to the next reader
      }
      reader.dispose();
    }
    throw new ImageRejectedException(
        Reason.UNSUPPORTED_FORMAT,
        "not a JPEG, PNG, TIFF or GIF image (no decoder recognises the signature)");
  }

  private void checkDimensions(String format, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new ImageRejectedException(
          Reason.BAD_DIMENSIONS, format + " header declares " + width + "x" + height);
    }
    long pixels = (long) width * height;
    if (pixels > settings.maxPixels()) {
      throw new ImageRejectedException(
          Reason.TOO_MANY_PIXELS,
          format
              + " header declares "
              + width
              + "x"
              + height
              + " = "
              + pixels
              + " pixels, more than the limit of "
              + settings.maxPixels());
    }
  }

  private interface HeaderRead {
    int read() throws IOException;
  }

  private static int header(HeaderRead read, String format) {
    try {
      return read.read();
    } catch (IOException | RuntimeException e) {
      throw new ImageRejectedException(
          Reason.CORRUPT, "unreadable " + format + " header: " + describe(e), e);
    }
  }

  private static String canonical(String formatName) {
    return ACCEPTED.getOrDefault(formatName.toLowerCase(Locale.ROOT), formatName);
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
