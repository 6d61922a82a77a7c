package org.figstream.processors.label;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import org.figstream.processors.image.IntRgbPixels;

/**
 * How many panels an image is laid out in, from its pixels alone: a compound figure sets its panels
 * apart with gutters, bands of background that cross the whole panel row or column, and many
 * authors letter them in the image only, never in the caption. The image is cut recursively (an
 * XY-cut) at the widest gutter on either axis that leaves a substantial panel on both sides.
 *
 * <p>Ink is what differs clearly from the border's most common colour; a gutter is a band of lines
 * with no ink at all, at least 1% of the image's side wide, so the thin gap between a title and its
 * plot does not count; both sides must hold at least a fifth of the image's side, so a legend row
 * or a colour bar is not a panel; and each side must draw a straight run of ink (an axis, a frame,
 * a bar, a photograph), so a column of tick labels or slanted category names, which is made of
 * glyphs, is not one either. The first three were fixed before any figure was counted; the no-ink
 * gutter (first 0.5% of stray ink) and the straight run were chosen on the development set's
 * misses, then the test set was measured once (docs/embeddings-and-labels.md).
 */
public final class PanelGutters {
  /** A channel this far from the background's makes a pixel ink. */
  static final int INK_DIFFERENCE = 48;

  /** A gutter's width, as a share of the image's side across it; never under 2 px. */
  static final float MIN_GUTTER = 0.01f;

  /** Each side's ink, trimmed, as a share of the image's side across the cut. */
  static final float MIN_PANEL = 0.2f;

  /** A panel draws a straight run of ink at least this share of the image's side. */
  static final float MIN_RUN = 0.15f;

  private static final int MAX_PANELS = 64;

  private PanelGutters() {}

  /** The number of panels the gutters set apart: 1 for an image without any. */
  public static int count(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (w < 1 || h < 1) {
      throw new IllegalArgumentException("image has no pixels");
    }
    Ink ink = Ink.of(image);
    int[] found = {0};
    cut(ink, 0, 0, w, h, found);
    return Math.max(1, found[0]);
  }

  private static void cut(Ink ink, int x0, int y0, int x1, int y1, int[] found) {
    int[] rows = new int[y1 - y0];
    int[] columns = new int[x1 - x0];
    ink.count(x0, y0, x1, y1, rows, columns);
    int top = first(rows);
    int left = first(columns);
    if (top < 0 || found[0] >= MAX_PANELS) {
      return;
    }
    // Trimming drops only lines without ink, so the counts within the box are the region's.
    int[] box = {x0 + left, y0 + top, x0 + last(columns) + 1, y0 + last(rows) + 1};
    List<Gutter> gutters = new ArrayList<>();
    gutters.addAll(gutters(Arrays.copyOfRange(rows, top, box[3] - y0), ink.height, true));
    gutters.addAll(gutters(Arrays.copyOfRange(columns, left, box[2] - x0), ink.width, false));
    gutters.sort(Comparator.comparingDouble((Gutter g) -> -g.share(ink)));
    for (Gutter g : gutters) {
      int[] first =
          g.across
              ? new int[] {box[0], box[1], box[2], box[1] + g.start}
              : new int[] {box[0], box[1], box[0] + g.start, box[3]};
      int[] second =
          g.across
              ? new int[] {box[0], box[1] + g.end, box[2], box[3]}
              : new int[] {box[0] + g.end, box[1], box[2], box[3]};
      if (ink.drawsAPanel(first) && ink.drawsAPanel(second)) {
        cut(ink, first[0], first[1], first[2], first[3], found);
        cut(ink, second[0], second[1], second[2], second[3], found);
        return;
      }
    }
    found[0]++;
  }

  private static int first(int[] counts) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        return i;
      }
    }
    return -1;
  }

  private static int last(int[] counts) {
    for (int i = counts.length - 1; i >= 0; i--) {
      if (counts[i] > 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A band of blank lines from {@code start} to {@code end} (exclusive) of a trimmed region; {@code
   * across}: rows (the band crosses the region from left to right), else columns.
   */
  private record Gutter(int start, int end, boolean across) {
    double share(Ink ink) {
      return (end - start) / (double) (across ? ink.height : ink.width);
    }
  }

  /**
   * The gutters in {@code counts} (ink per line of a trimmed region) wide enough, with enough of
   * the region on both sides; {@code side} is the image's length on this axis.
   */
  private static List<Gutter> gutters(int[] counts, int side, boolean across) {
    int minWidth = Math.max(2, Math.round(MIN_GUTTER * side));
    int minPanel = Math.round(MIN_PANEL * side);
    List<Gutter> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= counts.length; i++) {
      boolean blank = i < counts.length && counts[i] == 0;
      if (blank && start < 0) {
        start = i;
      } else if (!blank && start >= 0) {
        if (i - start >= minWidth && start >= minPanel && counts.length - i >= minPanel) {
          out.add(new Gutter(start, i, across));
        }
        start = -1;
      }
    }
    return out;
  }

  /** One bit per pixel: whether it differs from the background. */
  private static final class Ink {
    final int width;
    final int height;
    final boolean[] bits;

    private Ink(int width, int height, boolean[] bits) {
      this.width = width;
      this.height = height;
      this.bits = bits;
    }

    static Ink of(BufferedImage image) {
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
      return new Ink(w, h, bits);
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
      Map<Integer, int[]> bins = new HashMap<>();
      int[] best = {rgb.applyAsInt(0, 0), 0};
      IntBinaryOperator count =
          (x, y) -> {
            int c = rgb.applyAsInt(x, y);
            int[] n = bins.computeIfAbsent(c & 0xFCFCFC, k -> new int[1]);
            if (++n[0] > best[1]) {
              best[0] = c;
              best[1] = n[0];
            }
            return 0;
          };
      for (int x = 0; x < w; x++) {
        count.applyAsInt(x, 0);
        count.applyAsInt(x, h - 1);
      }
      for (int y = 0; y < h; y++) {
        count.applyAsInt(0, y);
        count.applyAsInt(w - 1, y);
      }
      return best[0];
    }

    private static boolean differs(int a, int b) {
      return Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) > INK_DIFFERENCE
          || Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF)) > INK_DIFFERENCE
          || Math.abs((a & 0xFF) - (b & 0xFF)) > INK_DIFFERENCE;
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
     * Whether the region's ink holds a straight run (an axis, a frame, a bar, a photograph) of at
     * least {@link #MIN_RUN} of the image's side: text, however much of it, is made of glyphs.
     */
    boolean drawsAPanel(int[] box) {
      int across = Math.round(PanelGutters.MIN_RUN * width);
      for (int y = box[1]; y < box[3]; y++) {
        int run = 0;
        for (int x = box[0]; x < box[2]; x++) {
          run = bits[y * width + x] ? run + 1 : 0;
          if (run >= across) {
            return true;
          }
        }
      }
      int down = Math.round(PanelGutters.MIN_RUN * height);
      for (int x = box[0]; x < box[2]; x++) {
        int run = 0;
        for (int y = box[1]; y < box[3]; y++) {
          run = bits[y * width + x] ? run + 1 : 0;
          if (run >= down) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
