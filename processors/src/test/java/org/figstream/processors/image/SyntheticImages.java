package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Image files built byte by byte or with ImageIO writers, for what the samples do not cover. */
final class SyntheticImages {

  private SyntheticImages() {}

  /** A PNG with the given IHDR and an IDAT of the given raw (unfiltered-row) data, valid CRCs. */
  static byte[] png(int width, int height, int bitDepth, int colourType, byte[] idat) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) bitDepth)
            .put((byte) colourType)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /** A real, fully valid 1-bit grey PNG of {@code size x size} white pixels: tens of KB on disk. */
  static byte[] pngBomb(int size) {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    byte[] row = new byte[1 + (size + 7) / 8]; // filter byte 0, then all-zero (black) bits
    try (DeflaterOutputStream z = new DeflaterOutputStream(zipped)) {
      for (int y = 0; y < size; y++) {
        z.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png(size, size, 1, 0, zipped.toByteArray());
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    try {
      DataOutputStream d = new DataOutputStream(out);
      d.writeInt(data.length);
      d.write(t);
      d.write(data);
      d.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A little-endian, uncompressed 8-bit grey TIFF whose IFD declares {@code w x h} over 16 bytes.
   */
  static byte[] tiff(int width, int height) {
    short[][] tags = {
      {256, 4}, {257, 4}, {258, 3}, {259, 3}, {262, 3}, {273, 4}, {277, 3}, {278, 4}, {279, 4}
    };
    long[] values = {width, height, 8, 1, 1, 8 + 2 + tags.length * 12 + 4, 1, height, 16};
    ByteBuffer b =
        ByteBuffer.allocate(8 + 2 + tags.length * 12 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) tags.length);
    for (int i = 0; i < tags.length; i++) {
      b.putShort(tags[i][0]).putShort(tags[i][1]).putInt(1);
      if (tags[i][1] == 3) {
        b.putShort((short) values[i]).putShort((short) 0);
      } else {
        b.putInt((int) values[i]);
      }
    }
    b.putInt(0); // no next IFD; 16 bytes of pixel data follow
    return b.array();
  }

  /** SOI, a baseline SOF0 declaring {@code w x h} with 3 components, EOI: no tables, no scan. */
  static byte[] jpegHeader(int width, int height) {
    return new byte[] {
      (byte) 0xff,
      (byte) 0xd8,
      (byte) 0xff,
      (byte) 0xc0,
      0,
      17,
      8,
      (byte) (height >> 8),
      (byte) height,
      (byte) (width >> 8),
      (byte) width,
      3,
      1,
      0x22,
      0,
      2,
      0x11,
      1,
      3,
      0x11,
      1,
      (byte) 0xff,
      (byte) 0xd9
    };
  }

  /**
   * The image written by ImageIO's first writer for {@code format}, optionally with a compression.
   */
  static byte[] write(BufferedImage image, String format, String compression) {
    return write(List.of(image), format, compression);
  }

  /**
   * Several images as pages of one file (TIFF). Tries each registered writer in turn:
   * TwelveMonkeys' TIFF writer cannot deflate 16-bit samples, the JDK's can.
   */
  static byte[] write(List<BufferedImage> pages, String format, String compression) {
    IllegalArgumentException last = null;
    for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format); it.hasNext(); ) {
      try {
        return write(it.next(), pages, compression);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        last = new IllegalArgumentException("no " + format + " writer managed", e);
      }
    }
    throw last;
  }

  private static byte[] write(ImageWriter writer, List<BufferedImage> pages, String compression) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (compression != null) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(compression);
      }
      if (pages.size() == 1) {
        writer.write(null, new IIOImage(pages.get(0), null, null), param);
      } else {
        writer.prepareWriteSequence(null);
        for (BufferedImage page : pages) {
          writer.writeToSequence(new IIOImage(page, null, null), param);
        }
        writer.endWriteSequence();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
