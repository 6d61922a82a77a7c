package org.figstream.processors.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PanelGuttersTest {
  private static final String ELIFE_BOX_PLOTS = "doi:10.7554/eLife.30274/fig2/1";

  @Test
  void shouldCountTheFramedPlotsOfAGrid() {
    BufferedImage grid = blank(900, 600);
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
  void shouldKeepAChartWithItsAxisLabelsAndLegendOnePanel() {
    BufferedImage chart = blank(800, 500);
    Graphics2D g = chart.createGraphics();
    plot(g, 200, 40, 500, 300);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
    for (int i = 0; i < 6; i++) {
      // tick labels a gutter away from the axis, in a column wider than a fifth of the image
      g.drawString("1,000." + i, 20, 60 + i * 50);
      // a legend row under the plot, taller than a fifth with its gap
      g.drawString("series " + i, 220 + (i % 3) * 150, 420 + (i / 3) * 40);
    }
    g.dispose();

    assertThat(PanelGutters.count(chart)).isEqualTo(1);
  }

  @Test
  void shouldNotCutTextIntoPanels() {
    BufferedImage text = blank(600, 600);
    Graphics2D g = text.createGraphics();
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
    for (int line = 0; line < 12; line++) {
      g.drawString("Row " + line + "   cell text    12.5    0.001", 20, 40 + line * 48);
    }
    g.dispose();

    assertThat(PanelGutters.count(text)).isEqualTo(1);
    assertThat(PanelGutters.count(blank(50, 50))).isEqualTo(1);
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

  private static void plot(Graphics2D g, int x, int y, int w, int h) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2));
    g.drawRect(x, y, w, h);
    g.setColor(new Color(31, 119, 180));
    g.drawLine(x + 10, y + h - 10, x + w - 10, y + 10);
  }

  private static BufferedImage blank(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return image;
  }
}
