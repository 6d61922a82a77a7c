package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * 64-bit DCT perceptual hash (the pHash scheme): the image is box-averaged to 32x32 luma,
 * transformed with a 2D DCT-II, and the 8x8 lowest frequencies after the DC term (rows and columns
 * 1..8) become one bit each: 1 where the coefficient is above their median. Low frequencies survive
 * re-encoding and rescaling, so near-duplicates land a few bits apart; the DC term (mean
 * brightness) is left out so that a brightness shift does not flip bits.
 */
final class PerceptualHash {

  private static final int N = 32;
  private static final int BAND = 8;

  /** COS[u][x] = cos((2x + 1) u pi / 2N), for the frequencies 0..BAND that are kept. */
  private static final double[][] COS = new double[BAND + 1][N];

  static {
    for (int u = 0; u <= BAND; u++) {
      for (int x = 0; x < N; x++) {
        COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * N));
      }
    }
  }

  private PerceptualHash() {}

  static long of(BufferedImage rgb) {
    double[][] luma = shrink(rgb);
    // Separable DCT: along x for the kept frequencies, then along y.
    double[][] rows = new double[N][BAND + 1];
    for (int y = 0; y < N; y++) {
      for (int u = 1; u <= BAND; u++) {
        double s = 0;
        for (int x = 0; x < N; x++) {
          s += COS[u][x] * luma[y][x];
        }
        rows[y][u] = s;
      }
    }
    double[] coefficients = new double[BAND * BAND];
    for (int v = 1; v <= BAND; v++) {
      for (int u = 1; u <= BAND; u++) {
        double s = 0;
        for (int y = 0; y < N; y++) {
          s += COS[v][y] * rows[y][u];
        }
        coefficients[(v - 1) * BAND + (u - 1)] = s;
      }
    }
    double[] sorted = coefficients.clone();
    Arrays.sort(sorted);
    double median = (sorted[31] + sorted[32]) / 2;
    long hash = 0;
    for (double c : coefficients) {
      hash = hash << 1 | (c > median ? 1 : 0);
    }
    return hash;
  }

  /** Box average (each output cell the mean of the source pixels it covers) to N x N luma. */
  private static double[][] shrink(BufferedImage rgb) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    double[][] sums = new double[N][N];
    RgbRows rows = new RgbRows(rgb);
    int[] row = rows.data();
    for (int cy = 0; cy < N; cy++) {
      int y0 = cy * h / N;
      int y1 = Math.max(y0 + 1, (cy + 1) * h / N);
      for (int y = y0; y < y1; y++) {
        int start = rows.start(y);
        for (int cx = 0; cx < N; cx++) {
          int x0 = cx * w / N;
          int x1 = Math.max(x0 + 1, (cx + 1) * w / N);
          double s = 0;
          for (int x = x0; x < x1; x++) {
            int p = row[start + x];
            s += 0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff);
          }
          sums[cy][cx] += s / ((double) (x1 - x0) * (y1 - y0));
        }
      }
    }
    return sums;
  }
}
