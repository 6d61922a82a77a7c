package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RgbConverterTest {

  /** A sample photo as the JPEG decoder gives it: 3-byte BGR. */
  private static BufferedImage decodedJpeg() throws IOException {
    byte[] bytes = SampleImages.bytes("elife-30274-v1/fig1.jpg");
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  private static BufferedImage random(int type, long seed) {
    BufferedImage img = new BufferedImage(37, 23, type);
    Random random = new Random(seed);
    byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    random.nextBytes(data);
    return img;
  }

  /** Each output pixel is the source's samples as the raster reports them, one by one. */
  private static void assertSameSamples(BufferedImage src, BufferedImage rgb, boolean opaqueAlpha) {
    Raster raster = src.getRaster();
    int bands = raster.getNumBands();
    int[] px = new int[bands];
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        raster.getPixel(x, y, px);
        int expected =
            bands < 3 ? px[0] << 16 | px[0] << 8 | px[0] : px[0] << 16 | px[1] << 8 | px[2];
        if (opaqueAlpha) {
          assertThat(px[bands - 1]).isEqualTo(255);
        }
        assertThat(rgb.getRGB(x, y) & 0xffffff).as("(%d, %d)", x, y).isEqualTo(expected);
      }
    }
  }

  @Test
  void shouldKeepTheSamplesOfADecodedJpegAndOfAPartOfIt() throws IOException {
    BufferedImage photo = decodedJpeg();
    assertThat(photo.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    assertSameSamples(photo, RgbConverter.toRgb(photo), false);
    // a part shares the parent's array and starts inside it
    BufferedImage part = photo.getSubimage(17, 11, 50, 40);
    assertSameSamples(part, RgbConverter.toRgb(part), false);
  }

  @Test
  void shouldKeepTheSamplesOfGreyAndOfOpaqueAlphaImages() {
    BufferedImage grey = random(BufferedImage.TYPE_BYTE_GRAY, 1);
    assertSameSamples(grey, RgbConverter.toRgb(grey), false);
    assertSameSamples(
        grey.getSubimage(3, 4, 20, 10), RgbConverter.toRgb(grey.getSubimage(3, 4, 20, 10)), false);
    BufferedImage abgr = random(BufferedImage.TYPE_4BYTE_ABGR, 2);
    for (int y = 0; y < abgr.getHeight(); y++) {
      for (int x = 0; x < abgr.getWidth(); x++) {
        abgr.getRaster().setSample(x, y, 3, 255); // opaque: alpha is band 3
      }
    }
    assertSameSamples(abgr, RgbConverter.toRgb(abgr), true);
  }

  @Test
  void shouldFlattenAlphaOntoWhite() {
    BufferedImage abgr = new BufferedImage(3, 1, BufferedImage.TYPE_4BYTE_ABGR);
    abgr.getRaster().setPixel(0, 0, new int[] {0, 0, 0, 0}); // transparent black
    abgr.getRaster().setPixel(1, 0, new int[] {10, 20, 30, 255}); // opaque
    abgr.getRaster().setPixel(2, 0, new int[] {0, 100, 200, 128}); // half over white
    BufferedImage rgb = RgbConverter.toRgb(abgr);
    assertThat(rgb.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
    assertThat(rgb.getRGB(1, 0) & 0xffffff).isEqualTo(10 << 16 | 20 << 8 | 30);
    // (c * a + 127) / 255 + 255 - a: 0 + 127 = 127; 50 + 127 = 177; 100 + 127 = 227
    assertThat(rgb.getRGB(2, 0) & 0xffffff).isEqualTo(127 << 16 | 177 << 8 | 227);
  }
}
