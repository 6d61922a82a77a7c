package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Random;
import org.figstream.processors.image.ImageNormalizer;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;

class DrawnImageTest {

  @Test
  void shouldCountAChartOfFlatColoursAsDrawn() {
    BufferedImage chart = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = chart.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 400, 300);
    g.setColor(Color.BLACK);
    g.drawLine(40, 260, 380, 260);
    g.drawLine(40, 20, 40, 260);
    Color[] bars = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44)};
    for (int i = 0; i < 6; i++) {
      g.setColor(bars[i % 3]);
      g.fillRect(60 + i * 50, 260 - 30 * (i + 1), 35, 30 * (i + 1));
    }
    g.dispose();

    // Five colours in all: every sample is in the top eight.
    assertThat(DrawnImage.paletteCoverage(chart)).isEqualTo(1f);
    assertThat(DrawnImage.probability(chart)).isEqualTo(1f);
  }

  @Test
  void shouldCountPixelsOfManyShadesAsPhotographic() {
    BufferedImage noise = noise(320, 160, 0, new Random(7));

    // 25,600 samples over 262,144 six-bit colours: a handful share a colour, none covers much.
    assertThat(DrawnImage.paletteCoverage(noise)).isLessThan(0.001f);
    assertThat(DrawnImage.probability(noise)).isZero();
  }

  @Test
  void shouldPlaceAFigureHalfChartHalfPhotographBetween() {
    // 320 px wide: every second column is sampled, 160 per row; columns 0-207 (104 samples) are
    // white.
    BufferedImage compound = noise(320, 160, 208, new Random(7));

    float coverage = DrawnImage.paletteCoverage(compound);
    assertThat(coverage).isCloseTo(104 / 160f, within(0.002f));
    assertThat(DrawnImage.probability(compound))
        .isCloseTo(
            (coverage - DrawnImage.PHOTOGRAPHIC_BELOW)
                / (DrawnImage.DRAWN_ABOVE - DrawnImage.PHOTOGRAPHIC_BELOW),
            within(1e-6f))
        .isBetween(0.49f, 0.52f);
  }

  @Test
  void shouldTellASampleLineChartFromASampleSatelliteMap() throws IOException {
    // pone.0091296 Fig 3 is line and bar charts on white; Fig 1 is satellite views of two islands.
    assertThat(DrawnImage.probability(normalised("pone.0091296/g003.png"))).isEqualTo(1f);
    assertThat(DrawnImage.probability(normalised("pone.0091296/g001.png"))).isZero();
  }

  /** Random colours right of column {@code flatUntil}, white left of it. */
  private static BufferedImage noise(int width, int height, int flatUntil, Random random) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, x < flatUntil ? 0xFFFFFF : random.nextInt(1 << 24));
      }
    }
    return image;
  }

  private static BufferedImage normalised(String file) throws IOException {
    return new ImageNormalizer()
        .normalizeWithPixels(Files.readAllBytes(SampleArticles.root().resolve(file)))
        .takePixels();
  }
}
