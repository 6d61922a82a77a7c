package org.figstream.loadtest.generate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Pixels to file bytes: JPEG at a quality, PNG, or Deflate-compressed TIFF, as journals send. */
final class Encodings {
  private Encodings() {}

  static byte[] encode(BufferedImage image, ImageSpec.Format format, float quality) {
    return switch (format) {
      case JPEG ->
          write(
              image,
              "jpeg",
              param -> {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
              });
      case PNG -> write(image, "png", param -> {});
      case TIFF ->
          write(
              image,
              "tiff",
              param -> {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate");
              });
    };
  }

  private interface Tuning {
    void apply(ImageWriteParam param);
  }

  private static byte[] write(BufferedImage image, String format, Tuning tuning) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
    if (!writers.hasNext()) {
      throw new IllegalStateException("no ImageIO writer for " + format);
    }
    ImageWriter writer = writers.next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    tuning.apply(param);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
      writer.dispose();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + format, e);
    }
    return bytes.toByteArray();
  }
}
