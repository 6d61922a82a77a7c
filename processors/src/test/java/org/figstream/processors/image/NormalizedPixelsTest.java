package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.figstream.records.NormalizedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raster the normaliser hands to the embed step beside the image it publishes. */
class NormalizedPixelsTest {

  private final ImageNormalizer normalizer = new ImageNormalizer();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "elife-30274-v1/fig1.jpg",
        "pone.0091296/g002.png",
        "pone.0056489/pone.0056489.g003.tif"
      })
  void shouldHandOverTheExactRasterWhoseJpegItPublished(String sample) {
    NormalizedPixels normalized = normalizer.normalizeWithPixels(SampleImages.bytes(sample));
    NormalizedImage published = normalized.image();
    BufferedImage pixels = normalized.takePixels();

    assertThat(published).isEqualTo(SampleImages.normalized(sample));
    assertThat(pixels.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(new int[] {pixels.getWidth(), pixels.getHeight()})
        .containsExactly(published.width(), published.height());
    assertThat(PixelDigest.sha256(pixels)).isEqualTo(published.pixelSha256());
    assertThat(PerceptualHash.of(pixels)).isEqualTo(published.perceptualHash());
    // the encoder is deterministic, so these pixels give the very bytes that were published
    assertThat(JpegEncoder.encode(pixels, normalizer.settings().jpegQuality()))
        .isEqualTo(published.jpeg());
  }

  @Test
  void shouldCarryTheDownscaledRasterOfALargeTiff() {
    // 1346 x 812 capped at 1024 on the long side: 812 * 1024 / 1346 = 617.75, so 618 rows
    NormalizedPixels normalized =
        normalizer.normalizeWithPixels(SampleImages.bytes("pone.0056489/pone.0056489.g003.tif"));
    BufferedImage pixels = normalized.takePixels();

    assertThat(normalized.image().originalWidth()).isEqualTo(1346);
    assertThat(normalized.image().originalHeight()).isEqualTo(812);
    assertThat(pixels.getWidth()).isEqualTo(1024);
    assertThat(pixels.getHeight()).isEqualTo(618);
  }

  @Test
  void shouldHandTheRasterOverOnlyOnce() {
    NormalizedPixels normalized =
        normalizer.normalizeWithPixels(SampleImages.bytes("pone.0091296/g002.png"));

    assertThat(normalized.takePixels()).isNotNull();
    assertThat(normalized.takePixels()).isNull();
    assertThat(normalized.image()).isEqualTo(SampleImages.normalized("pone.0091296/g002.png"));
  }
}
