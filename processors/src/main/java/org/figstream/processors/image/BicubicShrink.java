package org.figstream.processors.image;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Java2D's bicubic scaling of a {@code TYPE_INT_RGB} image to a smaller size, the same pixels to
 * the bit, in two passes instead of sixteen taps a pixel. The normaliser's last resize step was the
 * largest part of the image stage (about 22 ms of 45 for the load generator's images, most of which
 * are between once and twice the output size), and the normaliser's pixels must not change: their
 * digest is the exact-duplicate key, and the embeddings and labels are computed from them.
 *
 * <p>What Java2D does ({@code drawImage(src, 0, 0, w, h)} with bicubic interpolation, the
 * TransformHelper loops): each output pixel's centre goes through the inverse scale in 32.32 fixed
 * point, the 4x4 source pixels around it (edges clamped) are weighted by a table of 8-bit cubic
 * coefficients (A = -0.5) indexed by the top 8 bits of the fraction, the products summed in
 * integers with a half added, shifted right by 16 and clamped to 0..255. Integer sums do not care
 * in which order they are added, so summing each column's four rows first and then each pixel's
 * four columns gives the same numbers with fewer multiplications, and the first pass reads whole
 * rows in order. {@code BicubicShrinkTest} compares the two on random pixels and many sizes.
 */
final class BicubicShrink {

  private static final long ONE = 1L << 32;
  private static final long HALF = 1L << 31;
  private static final int HALF_SUM = 1 << 15; // the half a sum gets before its shift by 16
  private static final int[] COEFF = table(-0.5);

  private BicubicShrink() {}

  /**
   * Whether {@link #resize} applies: a packed-RGB source, or 8-bit sRGB samples in R, G, B order
   * ({@link RgbBytePixels}: read in place, the same pixels as after {@link RgbConverter}), made no
   * larger in either direction.
   */
  static boolean applies(BufferedImage src, int w, int h) {
    return (IntRgbPixels.of(src) != null || RgbBytePixels.of(src) != null)
        && w > 0
        && h > 0
        && w <= src.getWidth()
        && h <= src.getHeight();
  }

  static BufferedImage resize(BufferedImage src, int w, int h) {
    IntRgbPixels ints = IntRgbPixels.of(src);
    RgbBytePixels bytes = ints == null ? RgbBytePixels.of(src) : null;
    int sw = src.getWidth();
    int sh = src.getHeight();
    // the inverse transform as DrawImage builds it: a scale instance, inverted
    AffineTransform itx;
    try {
      itx = AffineTransform.getScaleInstance((double) w / sw, (double) h / sh).createInverse();
    } catch (java.awt.geom.NoninvertibleTransformException e) {
      throw new IllegalArgumentException("cannot scale " + sw + "x" + sh + " to " + w + "x" + h, e);
    }
    Taps cols = Taps.of(w, itx.getScaleX(), sw);
    Taps rows = Taps.of(h, itx.getScaleY(), sh);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    IntRgbPixels dst = IntRgbPixels.of(out);
    int[] r = new int[sw];
    int[] g = new int[sw];
    int[] b = new int[sw];
    for (int y = 0; y < h; y++) {
      if (ints != null) {
        columnSums(ints.data(), RowTaps.of(rows, y, row -> ints.index(0, row)), sw, r, g, b);
      } else {
        columnSums(bytes.data(), RowTaps.of(rows, y, row -> bytes.index(0, row)), sw, r, g, b);
      }
      int o = dst.index(0, y);
      for (int x = 0; x < w; x++) {
        int k = 4 * x;
        int red = HALF_SUM, green = HALF_SUM, blue = HALF_SUM;
        for (int t = 0; t < 4; t++) {
          int at = cols.index[k + t];
          int c = cols.coeff[k + t];
          red += r[at] * c;
          green += g[at] * c;
          blue += b[at] * c;
        }
        dst.data()[o + x] = clamp(red) << 16 | clamp(green) << 8 | clamp(blue);
      }
    }
    return out;
  }

  /** For one output row: each source column's four rows, weighted, per channel. */
  private static void columnSums(int[] data, RowTaps t, int sw, int[] r, int[] g, int[] b) {
    for (int x = 0; x < sw; x++) {
      int v0 = data[t.p0 + x];
      int v1 = data[t.p1 + x];
      int v2 = data[t.p2 + x];
      int v3 = data[t.p3 + x];
      r[x] =
          (v0 >> 16 & 0xff) * t.c0
              + (v1 >> 16 & 0xff) * t.c1
              + (v2 >> 16 & 0xff) * t.c2
              + (v3 >> 16 & 0xff) * t.c3;
      g[x] =
          (v0 >> 8 & 0xff) * t.c0
              + (v1 >> 8 & 0xff) * t.c1
              + (v2 >> 8 & 0xff) * t.c2
              + (v3 >> 8 & 0xff) * t.c3;
      b[x] = (v0 & 0xff) * t.c0 + (v1 & 0xff) * t.c1 + (v2 & 0xff) * t.c2 + (v3 & 0xff) * t.c3;
    }
  }

  /** {@link #columnSums(int[], RowTaps, int, int[], int[], int[])} on R, G, B byte samples. */
  private static void columnSums(byte[] data, RowTaps t, int sw, int[] r, int[] g, int[] b) {
    for (int x = 0, i = 0; x < sw; x++, i += 3) {
      r[x] = sum(data, t, i);
      g[x] = sum(data, t, i + 1);
      b[x] = sum(data, t, i + 2);
    }
  }

  private static int sum(byte[] data, RowTaps t, int i) {
    return (data[t.p0 + i] & 0xff) * t.c0
        + (data[t.p1 + i] & 0xff) * t.c1
        + (data[t.p2 + i] & 0xff) * t.c2
        + (data[t.p3 + i] & 0xff) * t.c3;
  }

  /** One output row's four source rows (where each starts in the array) and their weights. */
  private record RowTaps(int p0, int p1, int p2, int p3, int c0, int c1, int c2, int c3) {
    static RowTaps of(Taps rows, int y, java.util.function.IntUnaryOperator start) {
      int k = 4 * y;
      return new RowTaps(
          start.applyAsInt(rows.index[k]),
          start.applyAsInt(rows.index[k + 1]),
          start.applyAsInt(rows.index[k + 2]),
          start.applyAsInt(rows.index[k + 3]),
          rows.coeff[k],
          rows.coeff[k + 1],
          rows.coeff[k + 2],
          rows.coeff[k + 3]);
    }
  }

  private static int clamp(int sum) {
    int v = sum >> 16;
    return v < 0 ? 0 : Math.min(v, 255);
  }

  /** Per output position along one axis: the four source indices (clamped) and their weights. */
  private record Taps(int[] index, int[] coeff) {

    static Taps of(int n, double step, int size) {
      int[] index = new int[4 * n];
      int[] coeff = new int[4 * n];
      long start = toFixed(step * 0.5); // the centre of output pixel 0, as Transform_transform
      long delta = toFixed(step);
      for (int i = 0; i < n; i++) {
        long at = start + i * delta - HALF;
        int whole = (int) (at >> 32);
        int factor = (int) at >>> 24;
        for (int t = 0; t < 4; t++) {
          index[4 * i + t] = Math.max(0, Math.min(size - 1, whole - 1 + t));
        }
        coeff[4 * i] = COEFF[factor + 256];
        coeff[4 * i + 1] = COEFF[factor];
        coeff[4 * i + 2] = COEFF[256 - factor];
        coeff[4 * i + 3] = COEFF[512 - factor];
      }
      return new Taps(index, coeff);
    }
  }

  /** DblToLong: a double in 32.32 fixed point, truncated as C's cast does. */
  private static long toFixed(double d) {
    return (long) (d * ONE);
  }

  /** Java2D's bicubic table (init_bicubic_table, integer variant). */
  private static int[] table(double a) {
    int[] c = new int[513];
    int i;
    for (i = 0; i < 256; i++) {
      double x = i / 256.0;
      x = ((a + 2) * x - (a + 3)) * x * x + 1;
      c[i] = (int) (x * 256);
    }
    for (; i < 384; i++) {
      double x = i / 256.0;
      x = ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
      c[i] = (int) (x * 256);
    }
    c[384] = (256 - c[128] * 2) / 2;
    for (i++; i <= 512; i++) {
      c[i] = 256 - (c[512 - i] + c[i - 256] + c[768 - i]);
    }
    return c;
  }
}
