package org.figstream.processors.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.figstream.processors.hostile.CorpusCase;

/**
 * Writes the image files of {@code src/test/resources/hostile/images}; the output is the same on
 * every run (ImageIO's writers are deterministic for these inputs), so the committed files can be
 * checked against it.
 */
public final class HostileImageCorpus {
  private HostileImageCorpus() {}

  public static void main(String[] args) throws IOException {
    CorpusCase.write(files(), args, "src/test/resources/hostile/images");
  }

  static Map<String, byte[]> files() {
    byte[] png = SyntheticImages.write(gradient(BufferedImage.TYPE_INT_RGB), "png", null);
    byte[] jpg = SyntheticImages.jpeg(gradient(BufferedImage.TYPE_INT_RGB), 0.8f);
    Map<String, byte[]> f = new LinkedHashMap<>();
    f.put("plain.png", png);
    f.put("plain.jpg", jpg);
    f.put("png-named.jpg", png);
    f.put(
        "text-named.jpg", "This is a line of text, not a JPEG.\n".getBytes(StandardCharsets.UTF_8));
    f.put("zero-byte.jpg", new byte[0]);
    f.put("jpeg-sof-65500x65500.jpg", sof(jpg, 65_500, 65_500));
    f.put("png-ihdr-65500x65500.png", ihdr(png, 65_500, 65_500));
    f.put("png-ihdr-zero-width.png", ihdr(png, 0, 32));
    f.put("truncated.jpg", Arrays.copyOf(jpg, jpg.length / 2));
    f.put("truncated.png", Arrays.copyOf(png, png.length / 2));
    f.put("header-only.jpg", Arrays.copyOf(jpg, 20));
    f.put("cmyk-adobe.jpg", BadImages.cmykJpeg());
    f.put("grey-16-bit.png", BadImages.grey16Png());
    f.put("rgb-16-bit.png", SyntheticImages.write(rgb16(), "png", null));
    f.put("palette-with-alpha.png", SyntheticImages.write(palette(), "png", null));
    return f;
  }

  private static BufferedImage gradient(int type) {
    BufferedImage image = new BufferedImage(48, 32, type);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 48; x++) {
        image.setRGB(x, y, (x * 5) << 16 | (y * 7) << 8 | ((x + y) * 3));
      }
    }
    return image;
  }

  private static BufferedImage rgb16() {
    ComponentColorModel model =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    BufferedImage image =
        new BufferedImage(model, model.createCompatibleWritableRaster(48, 32), false, null);
    BufferedImage rgb = gradient(BufferedImage.TYPE_INT_RGB);
    image.getGraphics().drawImage(rgb, 0, 0, null);
    return image;
  }

  /** Four colours, one of them fully and one half transparent: PNG writes PLTE plus tRNS. */
  private static BufferedImage palette() {
    byte[] r = {0, (byte) 255, 0, 0};
    byte[] g = {0, 0, (byte) 255, 0};
    byte[] b = {0, 0, 0, (byte) 255};
    byte[] a = {0, (byte) 128, (byte) 255, (byte) 255};
    BufferedImage image =
        new BufferedImage(
            32, 32, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, r, g, b, a));
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        image.getRaster().setSample(x, y, 0, (x / 8 + y / 8) % 4);
      }
    }
    return image;
  }

  /** The JPEG with its baseline SOF0's height and width replaced; no other byte changes. */
  private static byte[] sof(byte[] jpg, int width, int height) {
    byte[] out = jpg.clone();
    for (int i = 2; i + 8 < out.length; i++) {
      if (out[i] == (byte) 0xFF && out[i + 1] == (byte) 0xC0) {
        out[i + 5] = (byte) (height >> 8);
        out[i + 6] = (byte) height;
        out[i + 7] = (byte) (width >> 8);
        out[i + 8] = (byte) width;
        return out;
      }
    }
    throw new IllegalArgumentException("no SOF0 marker");
  }

  /** The PNG with its IHDR's width and height replaced and the chunk's CRC made right again. */
  private static byte[] ihdr(byte[] png, int width, int height) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png.clone());
    b.putInt(16, width).putInt(20, height);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b.array(), 12, 17);
    b.putInt(29, (int) crc.getValue());
    return b.array();
  }
}
