package org.figstream.processors.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {
  private static final float[] MEAN = {0.4f, 0.2f, 0.6f};
  private static final float[] STD = {0.2f, 0.4f, 0.5f};

  /**
   * A 2x2 image whose channels are multiples of 51, so that x/255 is a multiple of 0.2: (0,0) =
   * (255, 51, 0), (1,0) = (102, 153, 204), (0,1) = (0, 255, 51), (1,1) = (204, 0, 255).
   */
  private static BufferedImage twoByTwo() {
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, rgb(255, 51, 0));
    image.setRGB(1, 0, rgb(102, 153, 204));
    image.setRGB(0, 1, rgb(0, 255, 51));
    image.setRGB(1, 1, rgb(204, 0, 255));
    return image;
  }

  // (x/255 - mean) / std per channel, by hand:
  //   (0,0): R (1.0-0.4)/0.2 = 3.0   G (0.2-0.2)/0.4 = 0.0   B (0.0-0.6)/0.5 = -1.2
  //   (1,0): R (0.4-0.4)/0.2 = 0.0   G (0.6-0.2)/0.4 = 1.0   B (0.8-0.6)/0.5 = 0.4
  //   (0,1): R (0.0-0.4)/0.2 = -2.0  G (1.0-0.2)/0.4 = 2.0   B (0.2-0.6)/0.5 = -0.8
  //   (1,1): R (0.8-0.4)/0.2 = 2.0   G (0.0-0.2)/0.4 = -0.5  B (1.0-0.6)/0.5 = 0.8

  @Test
  void shouldScaleCentreAndDivideInPixelMajorOrderForNhwc() {
    float[] out =
        new ImagePreprocessor(descriptor("NHWC", "squash", 2, MEAN, STD)).apply(twoByTwo());

    assertThat(out)
        .containsExactly(
            new float[] {
              3.0f, 0.0f, -1.2f,
              0.0f, 1.0f, 0.4f,
              -2.0f, 2.0f, -0.8f,
              2.0f, -0.5f, 0.8f
            },
            within(1e-5f));
  }

  @Test
  void shouldScaleCentreAndDivideInChannelMajorOrderForNchw() {
    float[] out =
        new ImagePreprocessor(descriptor("NCHW", "squash", 2, MEAN, STD)).apply(twoByTwo());

    assertThat(out)
        .containsExactly(
            new float[] {
              3.0f, 0.0f, -2.0f, 2.0f,
              0.0f, 1.0f, 2.0f, -0.5f,
              -1.2f, 0.4f, -0.8f, 0.8f
            },
            within(1e-5f));
  }

  @Test
  void shouldUseTheDefaultScaleOf255WithoutMeanAndStd() {
    float[] out =
        new ImagePreprocessor(descriptor("NHWC", "squash", 2, null, null)).apply(twoByTwo());

    assertThat(out)
        .containsExactly(
            new float[] {
              1.0f, 0.2f, 0.0f,
              0.4f, 0.6f, 0.8f,
              0.0f, 1.0f, 0.2f,
              0.8f, 0.0f, 1.0f
            },
            within(1e-6f));
  }

  @Test
  void shouldCropTheCentreSquareOfAWideImage() {
    float[] out =
        new ImagePreprocessor(descriptor("NHWC", "crop", 2, null, null)).apply(thirds(6, 2, true));

    // Only the green middle third is left: every pixel (0, 1, 0).
    assertThat(out)
        .containsExactly(new float[] {0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0}, within(1e-6f));
  }

  @Test
  void shouldCropTheCentreSquareOfATallImage() {
    float[] out =
        new ImagePreprocessor(descriptor("NCHW", "crop", 2, null, null)).apply(thirds(2, 6, false));

    assertThat(out)
        .containsExactly(new float[] {0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0}, within(1e-6f));
  }

  @Test
  void shouldKeepTheWholeImageWhenSquashing() {
    float[] out =
        new ImagePreprocessor(descriptor("NHWC", "squash", 3, null, null))
            .apply(thirds(6, 2, true));

    // Each output column covers one third: red, green, blue, in every row.
    for (int row = 0; row < 3; row++) {
      int base = row * 9;
      assertThat(new float[] {out[base], out[base + 4], out[base + 8]})
          .as("row %d: red of the left, green of the middle, blue of the right column", row)
          .containsExactly(new float[] {1, 1, 1}, within(1e-6f));
    }
  }

  /** Red, green and blue thirds, left to right (wide) or top to bottom (tall). */
  private static BufferedImage thirds(int width, int height, boolean wide) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] colours = {rgb(255, 0, 0), rgb(0, 255, 0), rgb(0, 0, 255)};
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int third = wide ? x * 3 / width : y * 3 / height;
        image.setRGB(x, y, colours[third]);
      }
    }
    return image;
  }

  private static int rgb(int r, int g, int b) {
    return r << 16 | g << 8 | b;
  }

  static EncoderDescriptor descriptor(
      String layout, String resize, int size, float[] mean, float[] std) {
    return new EncoderDescriptor(
        "test",
        "image",
        "unused.onnx",
        null,
        "pixels",
        layout,
        size,
        resize,
        0f,
        mean,
        std,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        "features",
        null,
        false,
        8,
        false);
  }
}
