package org.figstream.processors.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.figstream.records.NormalizedImage;
import org.junit.jupiter.api.Test;

class ImageSubsamplingTest {

  @Test
  void shouldReadOnlyImagesOverTwiceTheLongestSideAtAStep() {
    assertThat(ImageDecoder.subsampling(1417, 1252, 1024)).isEqualTo(1);
    assertThat(ImageDecoder.subsampling(4095, 10, 1024)).isEqualTo(1);
    assertThat(ImageDecoder.subsampling(10, 4096, 1024)).isEqualTo(2);
    assertThat(ImageDecoder.subsampling(8000, 6000, 1024)).isEqualTo(3);
  }

  @Test
  void shouldNormaliseALargeImageAsItsHalfSizeCopyAndKeepItsOriginalSize() {
    byte[] large = SyntheticImages.write(gradient(4400, 2200), "png", null);
    byte[] half = SyntheticImages.write(gradient(2200, 1100), "png", null);
    ImageNormalizer normalizer = new ImageNormalizer();
    NormalizedImage a = normalizer.normalize(large);
    NormalizedImage b = normalizer.normalize(half);
    // read at step 2 (2200 x 1100), then fitted to 1024 on the longest side
    assertThat(a.width()).isEqualTo(1024);
    assertThat(a.height()).isEqualTo(512);
    assertThat(a.originalWidth()).isEqualTo(4400);
    assertThat(a.originalHeight()).isEqualTo(2200);
    // the same picture for dedup as the copy drawn at half size
    assertThat(NormalizedImage.hammingDistance(a.perceptualHash(), b.perceptualHash()))
        .isLessThanOrEqualTo(2);
  }

  private static BufferedImage gradient(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.fillOval(width / 4, height / 4, width / 3, height / 2);
    g.dispose();
    return image;
  }
}
