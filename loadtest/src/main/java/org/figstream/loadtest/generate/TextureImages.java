package org.figstream.loadtest.generate;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * Pixel-made figures: gel-like lanes of bands, microscopy-like fields of fluorescent cells in false
 * colour, and photo-like scenes of smooth colour fields with grain.
 */
final class TextureImages {
  /** exp(-t) for t in 0..FALLOFF_RANGE, a Gaussian blob's profile by squared distance. */
  private static final float[] FALLOFF = new float[4096];

  private static final double FALLOFF_RANGE = 3.125; // (2.5 sigma)^2 / 2

  static {
    for (int i = 0; i < FALLOFF.length; i++) {
      FALLOFF[i] = (float) Math.exp(-i * FALLOFF_RANGE / FALLOFF.length);
    }
  }

  private TextureImages() {}

  /** Lanes of Gaussian bands with smears, dark on light (stained) or light on dark (UV). */
  static BufferedImage gel(ImageSpec spec) {
    SplittableRandom r = new SplittableRandom(spec.seed());
    int w = spec.width();
    int h = spec.height();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    boolean inverted = r.nextBoolean();
    int lanes = 6 + r.nextInt(11);
    double laneWidth = w / (lanes + 1.0);
    float[][] profiles = new float[lanes][h];
    for (int l = 0; l < lanes; l++) {
      int bands = 3 + r.nextInt(12);
      for (int b = 0; b < bands; b++) {
        double centre = h * (0.08 + 0.85 * r.nextDouble());
        double sd = h * (0.002 + 0.008 * r.nextDouble());
        double strength = 0.2 + 0.8 * r.nextDouble();
        for (int y = Math.max(0, (int) (centre - 4 * sd));
            y < Math.min(h, (int) (centre + 4 * sd) + 1);
            y++) {
          double d = (y - centre) / sd;
          profiles[l][y] += (float) (strength * Math.exp(-d * d / 2));
        }
      }
      double smear = 0.15 * r.nextDouble();
      for (int y = 1; y < h; y++) {
        profiles[l][y] = Math.min(1.2f, profiles[l][y] + (float) (smear * profiles[l][y - 1]));
      }
    }
    ValueNoise background = new ValueNoise(r, w, h, Math.max(w, h) / 3.0);
    double base = inverted ? 30 : 215;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = base + 25 * (background.at(x, y) - 0.5) + 6 * (r.nextDouble() - 0.5);
        double pos = x / laneWidth - 0.5;
        int lane = (int) Math.floor(pos);
        if (lane >= 0 && lane < lanes) {
          double edge = pos - lane;
          double mask = edge < 0.12 || edge > 0.88 ? 0 : edge < 0.2 || edge > 0.8 ? 0.5 : 1;
          v += (inverted ? 200 : -190) * mask * profiles[lane][y];
        }
        px[y * w + x] = (byte) clamp(v);
      }
    }
    return image;
  }

  /** Fluorescent cells (Gaussian blobs) and nuclei over dark uneven illumination, false colour. */
  static BufferedImage microscopy(ImageSpec spec) {
    SplittableRandom r = new SplittableRandom(spec.seed());
    int w = spec.width();
    int h = spec.height();
    float[][] channels = new float[3][w * h];
    ValueNoise light = new ValueNoise(r, w, h, Math.max(w, h) / 2.5);
    ValueNoise tissue = new ValueNoise(r, w, h, 12 + 30 * r.nextDouble());
    int[][] palette = {{255, 0, 255}, {0, 255, 0}, {255, 80, 0}, {0, 120, 255}, {255, 255, 0}};
    int[] cellColour = palette[r.nextInt(palette.length)];
    int[] nucleusColour = palette[r.nextInt(palette.length)];
    int cells = 20 + r.nextInt(180);
    double scale = Math.min(w, h) / 1000.0;
    for (int c = 0; c < cells; c++) {
      double cx = w * r.nextDouble();
      double cy = h * r.nextDouble();
      double radius = scale * (15 + 45 * r.nextDouble());
      double brightness = 60 + 160 * r.nextDouble();
      blob(channels, w, h, cx, cy, radius, brightness, cellColour);
      blob(channels, w, h, cx, cy, radius * 0.35, brightness * 0.9, nucleusColour);
    }
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        double glow = 10 + 30 * light.at(x, y) * tissue.at(x, y);
        int red = clamp(channels[0][i] + glow * cellColour[0] / 255 + 8 * r.nextDouble());
        int green = clamp(channels[1][i] + glow * cellColour[1] / 255 + 8 * r.nextDouble());
        int blue = clamp(channels[2][i] + glow * cellColour[2] / 255 + 8 * r.nextDouble());
        px[i] = red << 16 | green << 8 | blue;
      }
    }
    return image;
  }

  private static void blob(
      float[][] channels,
      int w,
      int h,
      double cx,
      double cy,
      double radius,
      double brightness,
      int[] colour) {
    int x0 = Math.max(0, (int) (cx - 2.5 * radius));
    int x1 = Math.min(w, (int) (cx + 2.5 * radius) + 1);
    int y0 = Math.max(0, (int) (cy - 2.5 * radius));
    int y1 = Math.min(h, (int) (cy + 2.5 * radius) + 1);
    double k = FALLOFF.length / (2 * radius * radius * FALLOFF_RANGE);
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        double dx = x - cx;
        double dy = y - cy;
        int t = (int) ((dx * dx + dy * dy) * k);
        if (t >= FALLOFF.length) {
          continue;
        }
        float v = (float) brightness * FALLOFF[t];
        int i = y * w + x;
        channels[0][i] += v * colour[0] / 255f;
        channels[1][i] += v * colour[1] / 255f;
        channels[2][i] += v * colour[2] / 255f;
      }
    }
  }

  /** Smooth colour fields at three scales (sky, ground, objects) with sensor grain. */
  static BufferedImage photo(ImageSpec spec) {
    SplittableRandom r = new SplittableRandom(spec.seed());
    int w = spec.width();
    int h = spec.height();
    ValueNoise large = new ValueNoise(r, w, h, Math.max(w, h) / 2.0);
    ValueNoise medium = new ValueNoise(r, w, h, Math.max(w, h) / 12.0);
    ValueNoise fine = new ValueNoise(r, w, h, 6 + 10 * r.nextDouble());
    double[] from = {255 * r.nextDouble(), 255 * r.nextDouble(), 255 * r.nextDouble()};
    double[] to = {255 * r.nextDouble(), 255 * r.nextDouble(), 255 * r.nextDouble()};
    double horizon = h * (0.3 + 0.4 * r.nextDouble());
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < h; y++) {
      double sky = y < horizon ? 1 : 0.35;
      for (int x = 0; x < w; x++) {
        double t = 0.6 * large.at(x, y) + 0.3 * medium.at(x, y) + 0.1 * fine.at(x, y);
        double grain = 10 * (r.nextDouble() - 0.5);
        int red = clamp(sky * (from[0] + (to[0] - from[0]) * t) + grain);
        int green = clamp(sky * (from[1] + (to[1] - from[1]) * t) + grain);
        int blue = clamp(sky * (from[2] + (to[2] - from[2]) * t) + grain);
        px[y * w + x] = red << 16 | green << 8 | blue;
      }
    }
    return image;
  }

  static int clamp(double v) {
    return v < 0 ? 0 : v > 255 ? 255 : (int) v;
  }
}
