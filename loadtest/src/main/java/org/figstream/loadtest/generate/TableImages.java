package org.figstream.loadtest.generate;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.SplittableRandom;

/** A table as an image (table-wrap graphic): a header row of words and rows of numbers. */
final class TableImages {
  private TableImages() {}

  static BufferedImage draw(ImageSpec spec) {
    SplittableRandom r = new SplittableRandom(spec.seed());
    int w = spec.width();
    int h = spec.height();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    int cols = 3 + r.nextInt(6);
    int rows = 4 + r.nextInt(20);
    double cw = w / (double) cols;
    double rh = h / (rows + 1.0);
    g.setFont(new Font(Font.SERIF, Font.PLAIN, (int) Math.max(10, Math.min(rh * 0.55, cw / 7))));
    int shaded = 225 + r.nextInt(25);
    for (int row = 0; row <= rows; row++) {
      int y = (int) (row * rh);
      if (row % 2 == 1 && r.nextBoolean()) {
        g.setColor(new Color(shaded, shaded, shaded));
        g.fillRect(0, y, w, (int) rh);
      }
      g.setColor(Color.BLACK);
      for (int col = 0; col < cols; col++) {
        String text =
            row == 0
                ? CaptionText.word(r)
                : col == 0
                    ? CaptionText.word(r)
                    : String.format(
                        Locale.ROOT, "%.2f ± %.2f", 100 * r.nextDouble(), 5 * r.nextDouble());
        g.drawString(text, (float) (col * cw + 6), (float) (y + rh * 0.7));
      }
      if (row <= 1) {
        g.drawLine(0, (int) ((row + 1) * rh) - 1, w, (int) ((row + 1) * rh) - 1);
      }
    }
    g.dispose();
    return image;
  }
}
