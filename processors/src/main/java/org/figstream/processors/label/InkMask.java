package org.figstream.processors.label;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import org.figstream.processors.image.IntRgbPixels;

/**
 * One bit per pixel of an image: whether it is ink, a channel more than {@link #INK_DIFFERENCE}
 * away from the border's most common colour. What {@link PanelGutters} cuts.
 */
final class InkMask {
  /** A channel this far from the background's makes a pixel ink. */
  static final int INK_DIFFERENCE = 48;

  final int width;
  final int height;
  private final boolean[] bits;

  private InkMask(int width, int height, boolean[] bits) {
    this.width = width;
    this.height = height;
    this.bits = bits;
  }

  static InkMask of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    IntRgbPixels pixels = IntRgbPixels.of(packed(image));
    IntBinaryOperator rgb = (x, y) -> pixels.data()[pixels.index(x, y)];
    int background = background(rgb, w, h);
    boolean[] bits = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        bits[y * w + x] = differs(rgb.applyAsInt(x, y), background);
      }
    }
    return new InkMask(w, h, bits);
  }

  /** Ink pixels per row and per column of the region, in one pass. */
  void count(int x0, int y0, int x1, int y1, int[] rows, int[] columns) {
    for (int y = y0; y < y1; y++) {
      int base = y * width;
      for (int x = x0; x < x1; x++) {
        if (bits[base + x]) {
          rows[y - y0]++;
          columns[x - x0]++;
        }
      }
    }
  }

  /**
   * Where the straight runs of ink of at least {@code min} pixels lie in the box {x0, y0, x1, y1}:
   * the extremes a cut's sides are checked against. A run never crosses a gutter (its lines hold no
   * ink), so each lies wholly on one side of any cut, and one pass serves every candidate.
   */
  Runs runs(int[] box, int min) {
    Runs r = new Runs();
    // one pass in memory order: a run length per column carries the vertical runs down the rows
    int[] down = new int[box[2] - box[0]];
    for (int y = box[1]; y <= box[3]; y++) {
      int across = 0;
      for (int x = box[0]; x <= box[2]; x++) {
        boolean ink = y < box[3] && x < box[2] && bits[y * width + x];
        if (ink) {
          across++;
        } else if (across > 0) {
          if (across >= min) {
            r.across(y, x - across, x);
          }
          across = 0;
        }
        if (x < box[2]) {
          int c = x - box[0];
          if (ink) {
            down[c]++;
          } else if (down[c] > 0) {
            if (down[c] >= min) {
              r.down(x, y - down[c], y);
            }
            down[c] = 0;
          }
        }
      }
    }
    return r;
  }

  /** The extremes of a box's long runs: horizontal ones by row and span, vertical by column. */
  static final class Runs {
    private int topRow = Integer.MAX_VALUE;
    private int bottomRow = Integer.MIN_VALUE;
    private int leftmostEnd = Integer.MAX_VALUE;
    private int rightmostStart = Integer.MIN_VALUE;
    private int leftColumn = Integer.MAX_VALUE;
    private int rightColumn = Integer.MIN_VALUE;
    private int topmostEnd = Integer.MAX_VALUE;
    private int bottommostStart = Integer.MIN_VALUE;

    private void across(int row, int start, int end) {
      topRow = Math.min(topRow, row);
      bottomRow = Math.max(bottomRow, row);
      leftmostEnd = Math.min(leftmostEnd, end);
      rightmostStart = Math.max(rightmostStart, start);
    }

    private void down(int column, int start, int end) {
      leftColumn = Math.min(leftColumn, column);
      rightColumn = Math.max(rightColumn, column);
      topmostEnd = Math.min(topmostEnd, end);
      bottommostStart = Math.max(bottommostStart, start);
    }

    /** Whether rows above {@code gutterStart} and rows from {@code gutterEnd} on both hold one. */
    boolean bothSidesOfRows(int gutterStart, int gutterEnd) {
      return (topRow < gutterStart || topmostEnd <= gutterStart)
          && (bottomRow >= gutterEnd || bottommostStart >= gutterEnd);
    }

    /** Whether columns left of {@code gutterStart} and from {@code gutterEnd} on both hold one. */
    boolean bothSidesOfColumns(int gutterStart, int gutterEnd) {
      return (leftmostEnd <= gutterStart || leftColumn < gutterStart)
          && (rightmostStart >= gutterEnd || rightColumn >= gutterEnd);
    }
  }

  /**
   * The image as packed RGB ints: the normaliser's raster already is; a decoded JPEG (the
   * annotator's retry) is drawn into one at once, where reading it pixel by pixel through Java2D
   * would cost some 50 ms an image.
   */
  private static BufferedImage packed(BufferedImage image) {
    if (IntRgbPixels.of(image) != null) {
      return image;
    }
    BufferedImage copy =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = copy.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return copy;
  }

  /** The border's most common colour (6 bits a channel, so JPEG noise stays in its bin). */
  private static int background(IntBinaryOperator rgb, int w, int h) {
    int[] border = new int[2 * (w + h)];
    int n = 0;
    for (int x = 0; x < w; x++) {
      border[n++] = rgb.applyAsInt(x, 0);
      border[n++] = rgb.applyAsInt(x, h - 1);
    }
    for (int y = 0; y < h; y++) {
      border[n++] = rgb.applyAsInt(0, y);
      border[n++] = rgb.applyAsInt(w - 1, y);
    }
    Map<Integer, Integer> bins = new HashMap<>();
    int best = border[0];
    int most = 0;
    for (int c : border) {
      int seen = bins.merge(c & 0xFCFCFC, 1, Integer::sum);
      if (seen > most) {
        best = c;
        most = seen;
      }
    }
    return best;
  }

  private static boolean differs(int a, int b) {
    return Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) > INK_DIFFERENCE
        || Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF)) > INK_DIFFERENCE
        || Math.abs((a & 0xFF) - (b & 0xFF)) > INK_DIFFERENCE;
  }
}
