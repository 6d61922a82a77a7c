package org.figstream.loadtest.generate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Plots and charts drawn by JFreeChart from random data: a figure of 1 to 6 panels (A, B, ...) laid
 * out in a grid, the first panel of the asked kind and the others line, bar or scatter, each on its
 * own light background, as multi-panel journal figures are.
 */
final class ChartImages {
  private static final String[] AXES = {
    "Time (h)", "Dose (µM)", "Expression (a.u.)", "Survival (%)", "Temperature (°C)",
    "Concentration (ng/ml)", "Fold change", "Days post infection", "Frequency", "Cell count",
    "Fluorescence (a.u.)", "Body weight (g)", "Distance (µm)", "log2 ratio", "Response rate"
  };
  private static final String[] GROUPS = {
    "WT", "KO", "Control", "Treated", "Vehicle", "Drug A", "Drug B", "shRNA", "Mock", "Sham"
  };

  private ChartImages() {}

  static BufferedImage draw(ImageSpec spec) {
    SplittableRandom r = new SplittableRandom(spec.seed());
    BufferedImage image =
        new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, spec.width(), spec.height());
    int cols = 1 + r.nextInt(3);
    int rows = 1 + r.nextInt(2);
    int panels = cols * rows;
    double w = spec.width() / (double) cols;
    double h = spec.height() / (double) rows;
    float scale = (float) Math.max(1, Math.min(w, h) / 400);
    for (int p = 0; p < panels; p++) {
      ImageSpec.Kind kind =
          p == 0
              ? spec.kind()
              : new ImageSpec.Kind[] {
                    ImageSpec.Kind.LINE_CHART, ImageSpec.Kind.BAR_CHART, ImageSpec.Kind.SCATTER_PLOT
                  }
                  [r.nextInt(3)];
      JFreeChart chart = chart(kind, r, scale);
      Rectangle2D area = new Rectangle2D.Double((p % cols) * w, (p / cols) * h, w, h);
      chart.draw(g, area);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(22 * scale)));
      g.drawString(
          String.valueOf((char) ('A' + p)),
          (float) area.getX() + 6 * scale,
          (float) area.getY() + 24 * scale);
    }
    g.dispose();
    return image;
  }

  private static JFreeChart chart(ImageSpec.Kind kind, SplittableRandom r, float scale) {
    String x = AXES[r.nextInt(AXES.length)];
    String y = AXES[r.nextInt(AXES.length)];
    int series = 1 + r.nextInt(4);
    JFreeChart chart =
        switch (kind) {
          case BAR_CHART -> bars(r, x, y, series);
          case SCATTER_PLOT ->
              ChartFactory.createScatterPlot(
                  null,
                  x,
                  y,
                  xy(r, series, 20 + r.nextInt(200), true),
                  PlotOrientation.VERTICAL,
                  series > 1,
                  false,
                  false);
          default -> line(r, x, y, series, scale);
        };
    // light, distinct backgrounds: panels of a figure and figures of a corpus differ in tone
    chart.setBackgroundPaint(tint(r, 225));
    chart.getPlot().setBackgroundPaint(r.nextBoolean() ? Color.WHITE : tint(r, 200));
    chart.getPlot().setOutlineStroke(new BasicStroke(scale));
    // software antialiasing triples the drawing time; many journal charts are aliased anyway
    chart.setAntiAlias(r.nextInt(4) == 0);
    return chart;
  }

  private static JFreeChart line(SplittableRandom r, String x, String y, int series, float scale) {
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            null,
            x,
            y,
            xy(r, series, 10 + r.nextInt(90), false),
            PlotOrientation.VERTICAL,
            series > 1,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, r.nextBoolean());
    for (int s = 0; s < series; s++) {
      renderer.setSeriesStroke(s, new BasicStroke(scale * (1 + r.nextInt(3))));
    }
    plot.setRenderer(renderer);
    return chart;
  }

  private static JFreeChart bars(SplittableRandom r, String x, String y, int series) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int categories = 2 + r.nextInt(7);
    for (int s = 0; s < series; s++) {
      for (int c = 0; c < categories; c++) {
        data.addValue(
            Math.abs(10 + 40 * Distributions.gaussian(r)) * (1 + s),
            GROUPS[(s * 3) % GROUPS.length] + (s > 2 ? " " + s : ""),
            GROUPS[c % GROUPS.length] + (c >= GROUPS.length ? " " + c : ""));
      }
    }
    return ChartFactory.createBarChart(
        null,
        x,
        y,
        data,
        r.nextInt(5) == 0 ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL,
        series > 1,
        false,
        false);
  }

  /** Random walks (lines) or clouds (scatter), one series per group. */
  private static XYSeriesCollection xy(SplittableRandom r, int series, int points, boolean cloud) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (int s = 0; s < series; s++) {
      XYSeries one = new XYSeries(GROUPS[s % GROUPS.length]);
      double level = 100 * r.nextDouble();
      double slope = 4 * Distributions.gaussian(r);
      for (int i = 0; i < points; i++) {
        if (cloud) {
          double xv = 100 * r.nextDouble();
          one.add(xv, level + slope * xv / 10 + 15 * Distributions.gaussian(r));
        } else {
          level += slope + 5 * Distributions.gaussian(r);
          one.add(i, level);
        }
      }
      data.addSeries(one);
    }
    return data;
  }

  private static Color tint(SplittableRandom r, int floor) {
    int span = 256 - floor;
    return new Color(floor + r.nextInt(span), floor + r.nextInt(span), floor + r.nextInt(span));
  }
}
