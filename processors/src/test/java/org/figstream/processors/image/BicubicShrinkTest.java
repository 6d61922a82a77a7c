package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BicubicShrinkTest {

  private static BufferedImage java2d(BufferedImage src, int w, int h) {
    return Downscaler.draw(src, w, h, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
  }

  /** Every pixel of {@code img} as packed RGB, row by row. */
  static int[] pixels(BufferedImage img) {
    int[] out = new int[img.getWidth() * img.getHeight()];
    img.getRGB(0, 0, img.getWidth(), img.getHeight(), out, 0, img.getWidth());
    return out;
  }

  private static void assertSameAsJava2d(BufferedImage src, int w, int h) {
    assertThat(BicubicShrink.applies(src, w, h)).isTrue();
    BufferedImage ours = BicubicShrink.resize(src, w, h);
    assertThat(ours.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(pixels(ours))
        .as("%dx%d to %dx%d", src.getWidth(), src.getHeight(), w, h)
        .isEqualTo(pixels(java2d(src, w, h)));
  }

  /** Noise and hard 0/255 edges, where the cubic's overshoot has to be clamped. */
  private static BufferedImage noise(int w, int h, Random random) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    boolean hard = random.nextBoolean();
    for (int i = 0; i < data.length; i++) {
      data[i] = hard ? (random.nextBoolean() ? 0xffffff : 0) : random.nextInt() & 0xffffff;
    }
    return img;
  }

  @Test
  void shouldGiveJava2dsPixelsForRandomSizesAndPixels() {
    Random random = new Random(20261205);
    for (int i = 0; i < 300; i++) {
      int sw = 1 + random.nextInt(i < 200 ? 120 : 700);
      int sh = 1 + random.nextInt(i < 200 ? 120 : 700);
      assertSameAsJava2d(noise(sw, sh, random), 1 + random.nextInt(sw), 1 + random.nextInt(sh));
    }
  }

  @Test
  void shouldGiveJava2dsPixelsAtTheEdgesOfTheRange() {
    Random random = new Random(7);
    assertSameAsJava2d(noise(1, 1, random), 1, 1);
    assertSameAsJava2d(noise(2047, 1, random), 1024, 1);
    assertSameAsJava2d(noise(1, 1500, random), 1, 1024);
    assertSameAsJava2d(noise(2000, 1500, random), 1024, 768); // the normaliser's usual step
    assertSameAsJava2d(noise(1025, 700, random), 1024, 699);
    assertSameAsJava2d(noise(640, 480, random), 640, 479); // one axis unchanged
    assertSameAsJava2d(noise(3001, 17, random), 3, 2);
  }

  @Test
  void shouldGiveJava2dsPixelsForARealFigureAndAPartOfIt() throws IOException {
    BufferedImage photo =
        RgbConverter.toRgb(
            ImageIO.read(new ByteArrayInputStream(SampleImages.bytes("elife-30274-v1/fig1.jpg"))));
    int w = photo.getWidth();
    int h = photo.getHeight();
    assertSameAsJava2d(photo, w * 2 / 3, h * 2 / 3);
    assertSameAsJava2d(photo, w / 2 + 1, h / 2 + 1);
    // a part shares its parent's array and starts inside it
    BufferedImage part = photo.getSubimage(13, 9, w / 2, h / 2);
    assertSameAsJava2d(part, w / 3, h / 3);
  }

  @Test
  void shouldLeaveEnlargingAndOtherPixelLayoutsToJava2d() {
    BufferedImage small = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    assertThat(BicubicShrink.applies(small, 11, 10)).isFalse();
    assertThat(BicubicShrink.applies(small, 10, 11)).isFalse();
    assertThat(BicubicShrink.applies(small, 0, 5)).isFalse();
    BufferedImage bgr = new BufferedImage(10, 10, BufferedImage.TYPE_3BYTE_BGR);
    assertThat(BicubicShrink.applies(bgr, 5, 5)).isFalse();
  }
}
