package org.figstream.processors.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Text regions from the detector's probability map, after DBNet's own post-processing (as in
 * PaddleOCR's defaults): pixels above 0.3 are text, connected groups of them are regions, a region
 * is kept when its mean probability is at least 0.5 and both sides are at least 3 pixels, and it is
 * grown by {@code area * 1.6 / perimeter} on each side, since the network was trained on text
 * shrunk by that much.
 */
final class RegionFinder {
  static final float PIXEL_THRESHOLD = 0.3f;
  static final float BOX_THRESHOLD = 0.5f;
  static final int MIN_SIDE = 3;
  static final double UNCLIP_RATIO = 1.6;

  private RegionFinder() {}

  static TextRegions find(float[] probability, int width, int height) {
    boolean[] seen = new boolean[width * height];
    int[] queue = new int[width * height];
    boolean[] covered = new boolean[width * height];
    List<TextBox> boxes = new ArrayList<>();
    for (int start = 0; start < seen.length; start++) {
      if (seen[start] || probability[start] <= PIXEL_THRESHOLD) {
        continue;
      }
      int head = 0;
      int tail = 0;
      seen[start] = true;
      queue[tail++] = start;
      int minX = width;
      int minY = height;
      int maxX = -1;
      int maxY = -1;
      double sum = 0;
      while (head < tail) {
        int p = queue[head++];
        int x = p % width;
        int y = p / width;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        sum += probability[p];
        if (x > 0) {
          tail = visit(p - 1, probability, seen, queue, tail);
        }
        if (x < width - 1) {
          tail = visit(p + 1, probability, seen, queue, tail);
        }
        tail = visit(p - width, probability, seen, queue, tail);
        tail = visit(p + width, probability, seen, queue, tail);
      }
      int w = maxX - minX + 1;
      int h = maxY - minY + 1;
      float score = (float) (sum / tail);
      if (score < BOX_THRESHOLD || Math.min(w, h) < MIN_SIDE) {
        continue;
      }
      int grow = (int) Math.round(w * (double) h * UNCLIP_RATIO / (2.0 * (w + h)));
      int x0 = Math.max(0, minX - grow);
      int y0 = Math.max(0, minY - grow);
      int x1 = Math.min(width - 1, maxX + grow);
      int y1 = Math.min(height - 1, maxY + grow);
      for (int y = y0; y <= y1; y++) {
        java.util.Arrays.fill(covered, y * width + x0, y * width + x1 + 1, true);
      }
      boxes.add(new TextBox(x0, y0, x1 - x0 + 1, y1 - y0 + 1, score));
    }
    int coveredPixels = 0;
    for (boolean c : covered) {
      coveredPixels += c ? 1 : 0;
    }
    boxes.sort(Comparator.comparingInt(TextBox::y).thenComparingInt(TextBox::x));
    return new TextRegions(boxes, coveredPixels / (float) covered.length);
  }

  /** Queues a neighbouring text pixel not yet seen; the new end of the queue. */
  private static int visit(int q, float[] probability, boolean[] seen, int[] queue, int tail) {
    if (q < 0 || q >= seen.length || seen[q] || probability[q] <= PIXEL_THRESHOLD) {
      return tail;
    }
    seen[q] = true;
    queue[tail] = q;
    return tail + 1;
  }
}
