package org.figstream.processors.embed;

import org.figstream.processors.image.IntRgbPixels;

/**
 * Java2D's bilinear {@code drawImage} of a {@code TYPE_INT_RGB} region onto a square, redone on the
 * pixel array. The committed reference features were made with Java2D's result, so this repeats its
 * fixed-point arithmetic (32.32 sample positions at pixel centres, 8-bit weights, edges clamped,
 * rounding once at the end) and gives the same bytes, at about half the cost: no surface setup, no
 * IntArgbPre buffer, and red and blue interpolated together in one int.
 */
final class BilinearResize {
  private static final double ONE = 4294967296.0; // 1.0 in 32.32 fixed point
  private static final long HALF = 1L << 31;

  private BilinearResize() {}

  /** The region (x, y, w, h) of an image's pixel array resized to n x n, packed RGB, row by row. */
  static int[] of(IntRgbPixels pixels, int x, int y, int w, int h, int n) {
    int[] data = pixels.data();
    int stride = pixels.stride();
    int origin = pixels.index(x, y);
    Axis columns = new Axis(w, n);
    Axis rows = new Axis(h, n);
    int[] out = new int[n * n];
    for (int j = 0, o = 0; j < n; j++) {
      int top = origin + rows.first[j] * stride;
      int bottom = origin + rows.second[j] * stride;
      int fy = rows.weight[j];
      int gy = 256 - fy;
      for (int i = 0; i < n; i++, o++) {
        int a = data[top + columns.first[i]];
        int b = data[top + columns.second[i]];
        int c = data[bottom + columns.first[i]];
        int d = data[bottom + columns.second[i]];
        int f = columns.weight[i];
        int g = 256 - f;
        // Red (bits 16-31) and blue (0-15) side by side: each sum stays below 2^16, so no lane
        // spills.
        int upperRb = (a & 0xff00ff) * g + (b & 0xff00ff) * f;
        int lowerRb = (c & 0xff00ff) * g + (d & 0xff00ff) * f;
        int upperG = (a & 0xff00) * g + (b & 0xff00) * f;
        int lowerG = (c & 0xff00) * g + (d & 0xff00) * f;
        // Vertically the sums need 24 bits per lane: red moves to the upper half of a long.
        long rb = spread(upperRb) * gy + spread(lowerRb) * fy + 0x0000_8000_0000_8000L;
        long green = (upperG & 0xffffffffL) * gy + (lowerG & 0xffffffffL) * fy + (1L << 23);
        out[o] =
            (int) (rb >>> 32) & 0xff0000 | (int) (green >>> 16) & 0xff00 | (int) (rb >>> 16) & 0xff;
      }
    }
    return out;
  }

  private static long spread(int rb) {
    return (long) (rb >>> 16) << 32 | rb & 0xffff;
  }

  /**
   * Where each output column (or row) samples along one axis: its two source pixels and the weight
   * of the second, in 256ths. Java2D steps by 1 / (n / size), not size / n, which can differ in the
   * last bit and, accumulated, move a weight; hence the odd-looking division.
   */
  private static final class Axis {
    final int[] first;
    final int[] second;
    final int[] weight;

    Axis(int size, int n) {
      first = new int[n];
      second = new int[n];
      weight = new int[n];
      double step = 1.0 / ((double) n / size);
      long delta = (long) (step * ONE);
      long start =
          (long) (0.5 * step * ONE) - HALF; // the centre of output pixel 0, less half a pixel
      for (int k = 0; k < n; k++) {
        long position = start + k * delta;
        int whole = (int) (position >> 32);
        first[k] = Math.max(whole, 0);
        second[k] = whole >= 0 && whole < size - 1 ? whole + 1 : first[k];
        weight[k] = (int) position >>> 24;
      }
    }
  }
}
