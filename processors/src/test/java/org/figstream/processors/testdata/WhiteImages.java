package org.figstream.processors.testdata;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Drawn test images start as a white page in the normaliser's pixel layout (packed RGB). */
public final class WhiteImages {
  private WhiteImages() {}

  public static BufferedImage of(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }
}
