package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.figstream.records.NormalizedImage;
import org.junit.jupiter.api.Test;

/** Defaults, validation and the effect of each setting. */
class ImageSettingsTest {

  @Test
  void shouldDefaultTo64MiB120MegapixelsLongestSide1024AndQuality09() {
    assertThat(ImageSettings.DEFAULTS)
        .isEqualTo(new ImageSettings(64L * 1024 * 1024, 120_000_000L, 1024, 0.9f));
    assertThat(new ImageNormalizer().settings()).isEqualTo(ImageSettings.DEFAULTS);
  }

  @Test
  void shouldRefuseNonsensicalSettings() {
    assertThatThrownBy(() -> new ImageSettings(0, 1, 1, 0.5f))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageSettings.DEFAULTS.withLongestSide(-5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageSettings.DEFAULTS.withJpegQuality(1.5f))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageSettings.DEFAULTS.withJpegQuality(Float.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNeverUpscale() {
    BufferedImage tiny = new BufferedImage(7, 3, BufferedImage.TYPE_INT_RGB);
    NormalizedImage n = new ImageNormalizer().normalize(SyntheticImages.write(tiny, "png", null));
    assertThat(new int[] {n.width(), n.height()}).containsExactly(7, 3);
  }

  @Test
  void shouldScaleToAConfiguredLongestSide() {
    ImageNormalizer small = new ImageNormalizer(ImageSettings.DEFAULTS.withLongestSide(256));
    NormalizedImage wide =
        small.normalize(SampleImages.bytes("pone.0056489/pone.0056489.t003.tif")); // 4103x917
    assertThat(new int[] {wide.width(), wide.height()})
        .containsExactly(256, 57); // 917*256/4103=57.2
    NormalizedImage tall =
        small.normalize(SampleImages.bytes("elife-46472-v3/fig8.jpg")); // 600x1472
    assertThat(new int[] {tall.width(), tall.height()}).containsExactly(104, 256); // 104.3
  }

  @Test
  void shouldComputeTargetSizesRoundingTheShortSide() {
    assertThat(Downscaler.targetSize(4103, 4151, 1024)).containsExactly(1012, 1024);
    assertThat(Downscaler.targetSize(3000, 1, 1024)).containsExactly(1024, 1); // never 0
    assertThat(Downscaler.targetSize(1024, 1024, 1024)).containsExactly(1024, 1024);
  }
}
