package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Shrinking a decoded JPEG's R, G, B samples in place gives the pixels converting them first did.
 */
class RgbBytePixelsTest {

  private final ImageDecoder decoder = new ImageDecoder(ImageSettings.DEFAULTS);

  /** Random opaque 8-bit sRGB samples in R, G, B order, as {@link RgbOrderDestination} lays out. */
  private static BufferedImage rgbOrder(int w, int h, Random random) {
    WritableRaster raster =
        Raster.createInterleavedRaster(
            DataBuffer.TYPE_BYTE, w, h, w * 3, 3, new int[] {0, 1, 2}, null);
    byte[] samples = new byte[w * h * 3];
    random.nextBytes(samples);
    raster.setDataElements(0, 0, w, h, samples);
    return new BufferedImage(RgbOrderDestination.SRGB, raster, false, null);
  }

  private static int[] ints(BufferedImage img) {
    assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    return BicubicShrinkTest.pixels(img);
  }

  private static void assertSameShrink(BufferedImage src, int w, int h) {
    assertThat(RgbBytePixels.of(src)).isNotNull();
    BufferedImage converted = RgbConverter.toRgb(src);
    assertThat(ints(BicubicShrink.resize(src, w, h)))
        .as("%dx%d to %dx%d", src.getWidth(), src.getHeight(), w, h)
        .isEqualTo(ints(BicubicShrink.resize(converted, w, h)));
  }

  @Test
  void shouldShrinkSamplesInPlaceToThePixelsOfTheConvertedImage() {
    Random random = new Random(20261206);
    for (int i = 0; i < 100; i++) {
      int sw = 1 + random.nextInt(400);
      int sh = 1 + random.nextInt(400);
      assertSameShrink(rgbOrder(sw, sh, random), 1 + random.nextInt(sw), 1 + random.nextInt(sh));
    }
    BufferedImage big = rgbOrder(1900, 1300, random);
    assertSameShrink(big, 1024, 701);
    // a part starts inside its parent's array
    assertSameShrink(big.getSubimage(101, 37, 1500, 1100), 1024, 751);
  }

  @Test
  void shouldFitEveryDecodedSampleJpegToTheSamePixelsAsAfterConversion() throws Exception {
    int inPlace = 0;
    for (Path p : SampleImages.files()) {
      if (!p.getFileName().toString().toLowerCase().matches(".*\\.jpe?g")) {
        continue;
      }
      BufferedImage decoded = decoder.decode(Files.readAllBytes(p)).image();
      int limit = Math.max(decoded.getWidth(), decoded.getHeight()) * 3 / 4;
      if (RgbBytePixels.of(decoded) != null && limit > 0) {
        inPlace++;
      }
      for (int side : new int[] {limit, ImageSettings.DEFAULT_LONGEST_SIDE}) {
        if (side > 0) {
          assertThat(ints(Downscaler.fit(decoded, side)))
              .as("%s at %d", p.getFileName(), side)
              .isEqualTo(ints(Downscaler.fit(RgbConverter.toRgb(decoded), side)));
        }
      }
    }
    assertThat(inPlace).isGreaterThan(5);
  }

  @Test
  void shouldReadOnlyOpaqueRgbOrderedBytes() {
    assertThat(RgbBytePixels.of(rgbOrder(4, 3, new Random(1)))).isNotNull();
    assertThat(RgbBytePixels.of(new BufferedImage(4, 3, BufferedImage.TYPE_3BYTE_BGR))).isNull();
    assertThat(RgbBytePixels.of(new BufferedImage(4, 3, BufferedImage.TYPE_4BYTE_ABGR))).isNull();
    assertThat(RgbBytePixels.of(new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY))).isNull();
    BufferedImage ints = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    assertThat(ints.getRaster().getDataBuffer()).isInstanceOf(DataBufferInt.class);
    assertThat(RgbBytePixels.of(ints)).isNull();
  }
}
