package org.figstream.processors.label;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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
 * misses, then the test set was measured (docs/embeddings-and-labels.md).
 */
public final class PanelGutters {
  /** A gutter's width, as a share of the image's side across it; never under 2 px. */
  static final float MIN_GUTTER = 0.01f;

  /** Each side's ink, trimmed, as a share of the image's side across the cut. */
  static final float MIN_PANEL = 0.2f;

  /**
   * A panel draws a straight run of ink, across or down, at least this share of the image's longer
   * side (never under 2 px).
   */
  static final float MIN_RUN = 0.08f;

  private PanelGutters() {}

  /**
   * The number of panels the gutters set apart: 1 for an image without any. A lower bound, read as
   * one or more than one: a cut needs a fifth of the image's side on both sides, so no more than
   * four panels are set apart along one axis, and a grid of small panels may count fewer.
   */
  public static int count(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (w < 1 || h < 1) {
      throw new IllegalArgumentException("image has no pixels");
    }
    InkMask ink = InkMask.of(image);
    int minRun = Math.max(2, Math.round(MIN_RUN * Math.max(w, h)));
    int[] found = {0};
    cut(ink, minRun, 0, 0, w, h, found);
    return Math.max(1, found[0]);
  }

  private static void cut(InkMask ink, int minRun, int x0, int y0, int x1, int y1, int[] found) {
    int[] rows = new int[y1 - y0];
    int[] columns = new int[x1 - x0];
    ink.count(x0, y0, x1, y1, rows, columns);
    int top = first(rows);
    int left = first(columns);
    if (top < 0) {
      return;
    }
    // Trimming drops only lines without ink, so the counts within the box are the region's.
    int[] box = {x0 + left, y0 + top, x0 + last(columns) + 1, y0 + last(rows) + 1};
    List<Gutter> gutters = new ArrayList<>();
    gutters.addAll(gutters(Arrays.copyOfRange(rows, top, box[3] - y0), ink.height, true));
    gutters.addAll(gutters(Arrays.copyOfRange(columns, left, box[2] - x0), ink.width, false));
    gutters.sort(Comparator.comparingDouble((Gutter g) -> -g.share(ink)));
    InkMask.Runs runs = gutters.isEmpty() ? null : ink.runs(box, minRun);
    for (Gutter g : gutters) {
      int start = (g.across ? box[1] : box[0]) + g.start;
      int end = (g.across ? box[1] : box[0]) + g.end;
      if (g.across && runs.bothSidesOfRows(start, end)) {
        cut(ink, minRun, box[0], box[1], box[2], start, found);
        cut(ink, minRun, box[0], end, box[2], box[3], found);
        return;
      }
      if (!g.across && runs.bothSidesOfColumns(start, end)) {
        cut(ink, minRun, box[0], box[1], start, box[3], found);
        cut(ink, minRun, end, box[1], box[2], box[3], found);
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
    double share(InkMask ink) {
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
}
