package org.figstream.processors.embed;

/** The little vector arithmetic the encoders and labellers share. */
public final class Vectors {
  private Vectors() {}

  /** Scales v to unit length in place; a zero vector stays zero rather than becoming NaN. */
  public static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    if (sum > 0) {
      float inv = (float) (1 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }

  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of " + a.length + " and " + b.length + " dimensions");
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return (float) s;
  }

  /**
   * Pools row {@code row} of a [N,T,D] tensor given flat: {@code mean} over the tokens whose mask
   * is 1, {@code cls} the first token.
   */
  static float[] pool(float[] flat, int row, int tokens, int dims, long[] mask, String pooling) {
    float[] out = new float[dims];
    int base = row * tokens * dims;
    if (pooling.equals("cls")) {
      System.arraycopy(flat, base, out, 0, dims);
      return out;
    }
    int counted = 0;
    for (int t = 0; t < tokens; t++) {
      if (mask != null && mask[t] == 0) {
        continue;
      }
      counted++;
      for (int k = 0; k < dims; k++) {
        out[k] += flat[base + t * dims + k];
      }
    }
    for (int k = 0; k < dims; k++) {
      out[k] /= Math.max(counted, 1);
    }
    return out;
  }
}
