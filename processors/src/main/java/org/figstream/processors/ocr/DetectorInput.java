package org.figstream.processors.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The detector's input: the image scaled so that its longer side is at most {@code maxSide}, each
 * side rounded to a multiple of 32 (the network downsamples five times), as a 1x3xHxW tensor
 * normalised the way PaddleOCR trained it: ImageNet's mean and deviation applied to the channels in
 * the order OpenCV reads them, blue first.
 */
record DetectorInput(float[] chw, int width, int height) {
  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  static DetectorInput of(BufferedImage image, int maxSide) {
    double scale = Math.min(1.0, maxSide / (double) Math.max(image.getWidth(), image.getHeight()));
    int width = roundTo32(image.getWidth() * scale);
    int height = roundTo32(image.getHeight() * scale);
    BufferedImage bgr = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = bgr.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    int plane = width * height;
    float[] chw = new float[3 * plane];
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < 3; c++) {
        float v = (pixels[3 * i + c] & 0xff) / 255f;
        chw[c * plane + i] = (v - MEAN[c]) / STD[c];
      }
    }
    return new DetectorInput(chw, width, height);
  }

  private static int roundTo32(double side) {
    return Math.max(32, (int) Math.round(side / 32) * 32);
  }
}
