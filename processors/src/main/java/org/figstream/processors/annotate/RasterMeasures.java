package org.figstream.processors.annotate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.figstream.processors.label.DrawnImage;
import org.figstream.processors.label.PanelGutters;
import org.figstream.records.NormalizedImage;

/**
 * What one figure's raster is measured for on its way to the image encoder: the pixel prior, the
 * panels its gutters set apart, and the text in the image. Measured in passing, so the raster is
 * handed over once and not held for them.
 */
final class RasterMeasures {
  private final boolean pixelPrior;
  private final boolean panelCount;
  private final ImageText imageText;
  private final AtomicReference<Float> drawn = new AtomicReference<>();
  private final AtomicReference<Integer> panels = new AtomicReference<>();
  private final AtomicReference<ImageText.Seen> seen = new AtomicReference<>();

  RasterMeasures(boolean pixelPrior, boolean panelCount, ImageText imageText) {
    this.pixelPrior = pixelPrior;
    this.panelCount = panelCount;
    this.imageText = imageText;
  }

  /** Whether any measure reads the pixels: if none does, nothing needs to decode them. */
  boolean measuresAnything() {
    return pixelPrior || panelCount || imageText.looks();
  }

  /** {@code pixels}, measured as they are taken; null when there is no image. */
  Callable<BufferedImage> measuring(Callable<BufferedImage> pixels) {
    if (pixels == null) {
      return null;
    }
    return () -> {
      BufferedImage p = pixels.call();
      if (pixelPrior) {
        drawn.set(drawnProbability(p));
      }
      if (panelCount) {
        panels.set(panelCount(p));
      }
      if (imageText.looks()) {
        seen.set(imageText.see(p));
      }
      return p;
    };
  }

  /** How likely the image is drawn (a chart, a diagram), or null: not measured or not readable. */
  Float drawn() {
    return drawn.get();
  }

  /** How many panels the image's gutters set apart, or null: not measured or not readable. */
  Integer panels() {
    return panels.get();
  }

  /** The text found (and read, with OCR on), or null when nothing looked. */
  ImageText.Seen seen() {
    return seen.get();
  }

  /**
   * Best effort: a raster the measure cannot read leaves the labels to the caption, and must not
   * cost the image its vector.
   */
  private static Float drawnProbability(BufferedImage pixels) {
    try {
      return DrawnImage.probability(pixels);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Integer panelCount(BufferedImage pixels) {
    try {
      return PanelGutters.count(pixels);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static BufferedImage decode(NormalizedImage image) throws IOException {
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.jpeg()));
    if (decoded == null) {
      throw new IOException("the normalised image does not decode");
    }
    return decoded;
  }
}
