package org.figstream.loadtest.generate;

import java.util.SplittableRandom;

/**
 * Smooth random field over an image: random values on a coarse grid, interpolated with a
 * smoothstep. Several of them at different cell sizes make uneven illumination, tissue, skies.
 */
final class ValueNoise {
  private final float[] grid;
  private final int gw;
  private final double cell;

  /** A field whose features are about {@code cell} pixels apart, values in 0..1. */
  ValueNoise(SplittableRandom r, int width, int height, double cell) {
    this.cell = cell;
    this.gw = (int) Math.ceil(width / cell) + 2;
    int gh = (int) Math.ceil(height / cell) + 2;
    grid = new float[gw * gh];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = (float) r.nextDouble();
    }
  }

  double at(int x, int y) {
    double fx = x / cell;
    double fy = y / cell;
    int ix = (int) fx;
    int iy = (int) fy;
    double tx = smooth(fx - ix);
    double ty = smooth(fy - iy);
    int i = iy * gw + ix;
    double top = grid[i] + (grid[i + 1] - grid[i]) * tx;
    double bottom = grid[i + gw] + (grid[i + gw + 1] - grid[i + gw]) * tx;
    return top + (bottom - top) * ty;
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }
}
