package org.figstream.processors.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * One text region as the recogniser takes it (PaddleOCR's {@code resize_norm_img}): cut out of the
 * image, scaled to 48 pixels high keeping its proportions, at most {@link #MAX_WIDTH} wide, scaled
 * to [-1, 1] with blue first as OpenCV reads it, and padded with zeros on the right to {@code
 * width}.
 */
final class RecognizerInput {
  static final int HEIGHT = 48;
  static final int MAX_WIDTH = 960;

  private RecognizerInput() {}

  /** The width the region takes when scaled to {@link #HEIGHT}. */
  static int scaledWidth(TextBox box) {
    double ratio = box.width() / (double) Math.max(1, box.height());
    return Math.max(1, Math.min(MAX_WIDTH, (int) Math.ceil(HEIGHT * ratio)));
  }

  /** Writes the region into {@code into} (3 x HEIGHT x width, zero-filled) at {@code offset}. */
  static void write(BufferedImage image, TextBox box, int width, float[] into, int offset) {
    int w = Math.min(width, scaledWidth(box));
    BufferedImage bgr = new BufferedImage(w, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = bgr.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      int x1 = Math.min(image.getWidth(), box.x() + box.width());
      int y1 = Math.min(image.getHeight(), box.y() + box.height());
      g.drawImage(image, 0, 0, w, HEIGHT, box.x(), box.y(), x1, y1, null);
    } finally {
      g.dispose();
    }
    byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    int plane = HEIGHT * width;
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < w; x++) {
        int p = 3 * (y * w + x);
        for (int c = 0; c < 3; c++) {
          into[offset + c * plane + y * width + x] = ((pixels[p + c] & 0xff) / 255f - 0.5f) / 0.5f;
        }
      }
    }
  }
}
