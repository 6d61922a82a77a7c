package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.figstream.processors.testdata.WhiteImages;
import org.junit.jupiter.api.Test;

class PanelGuttersTest {
  private static final String ELIFE_BOX_PLOTS = "doi:10.7554/eLife.30274/fig2/1";

  @Test
  void shouldCountTheFramedPlotsOfAGrid() {
    BufferedImage grid = WhiteImages.of(900, 600);
    Graphics2D g = grid.createGraphics();
    for (int row = 0; row < 2; row++) {
      for (int col = 0; col < 3; col++) {
        plot(g, 20 + col * 300, 20 + row * 300, 260, 260);
      }
    }
    g.dispose();

    assertThat(PanelGutters.count(grid)).isEqualTo(6);
  }

  @Test
  void shouldCountSmallGridsExactlyAndLargeOnesAsMore() {
    // a fifth of the side on both sides of a cut: four panels an axis at most are set apart
    assertThat(PanelGutters.count(grid(4, 800))).isEqualTo(16);
    // six by six: more than one, which is what the panel type reads
    assertThat(PanelGutters.count(grid(6, 900))).isGreaterThan(1);
  }

  @Test
  void shouldKeepAChartWithItsAxisLabelsAndLegendOnePanel() {
    BufferedImage chart = WhiteImages.of(800, 500);
    Graphics2D g = chart.createGraphics();
    plot(g, 300, 20, 400, 280);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
    for (int i = 0; i < 6; i++) {
      // a column of labels left of the plot, over a fifth of the image wide: only the
      // straight-run rule tells it from a panel, as text is made of glyphs
      g.drawString("1,000,000." + i + " units", 20, 40 + i * 50);
    }
    for (int i = 0; i < 9; i++) {
      // a legend band under the plot, over a fifth of the image tall
      g.drawString("series " + i, 320 + (i % 3) * 130, 345 + (i / 3) * 50);
    }
    g.dispose();

    assertThat(PanelGutters.count(chart)).isEqualTo(1);
  }

  @Test
  void shouldNotCutTextIntoPanels() {
    BufferedImage text = WhiteImages.of(600, 600);
    Graphics2D g = text.createGraphics();
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
    for (int line = 0; line < 12; line++) {
      g.drawString("Row " + line + "   cell text    12.5    0.001", 20, 40 + line * 48);
    }
    g.dispose();

    assertThat(PanelGutters.count(text)).isEqualTo(1);
    assertThat(PanelGutters.count(WhiteImages.of(50, 50))).isEqualTo(1);
    // strips a few pixels wide: no run can be under 2 px
    BufferedImage strip = WhiteImages.of(3, 200);
    strip.setRGB(1, 20, 0);
    strip.setRGB(1, 180, 0);
    assertThat(PanelGutters.count(strip)).isEqualTo(1);
  }

  @Test
  void shouldCountThePanelsOfRealCompoundFigures() throws IOException {
    // counted by eye, as the hand labels' notes describe them
    assertThat(count(ELIFE_BOX_PLOTS)).isEqualTo(4); // four box plots
    assertThat(count("doi:10.1371/journal.pone.0038869/pone-0038869-g001/1")).isEqualTo(4);
    assertThat(count("doi:10.1371/journal.pgen.1000100/pgen-1000100-g001/1")).isEqualTo(3);
  }

  @Test
  void shouldKeepRealSingleChartsOnePanel() throws IOException {
    // a bar chart without an x axis line, its y axis title and ticks apart from the plot
    assertThat(count("doi:10.1371/journal.pgen.1000100/pgen-1000100-g006/1")).isEqualTo(1);
    // a bar chart whose slanted tick labels fill a quarter of the image under the axis
    assertThat(count("doi:10.1371/journal.pgen.1000103/pgen-1000103-g003/1")).isEqualTo(1);
  }

  @Test
  void shouldCountADecodedJpegAsItsPackedRaster() throws IOException {
    BufferedImage raster = LabelledFigures.get(ELIFE_BOX_PLOTS).raster();
    BufferedImage bgr =
        new BufferedImage(raster.getWidth(), raster.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = bgr.createGraphics();
    g.drawImage(raster, 0, 0, null);
    g.dispose();

    assertThat(PanelGutters.count(bgr)).isEqualTo(PanelGutters.count(raster)).isEqualTo(4);
  }

  private static int count(String pairId) throws IOException {
    return PanelGutters.count(LabelledFigures.get(pairId).raster());
  }

  /** {@code n} by {@code n} framed plots on a square image of {@code side} px. */
  private static BufferedImage grid(int n, int side) {
    BufferedImage image = WhiteImages.of(side, side);
    Graphics2D g = image.createGraphics();
    int cell = side / n;
    for (int row = 0; row < n; row++) {
      for (int col = 0; col < n; col++) {
        plot(g, col * cell + cell / 10, row * cell + cell / 10, cell * 8 / 10, cell * 8 / 10);
      }
    }
    g.dispose();
    return image;
  }

  private static void plot(Graphics2D g, int x, int y, int w, int h) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2));
    g.drawRect(x, y, w, h);
    g.setColor(new Color(31, 119, 180));
    g.drawLine(x + 10, y + h - 10, x + w - 10, y + 10);
  }
}
