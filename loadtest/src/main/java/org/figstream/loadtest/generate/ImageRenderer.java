package org.figstream.loadtest.generate;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;

/** An {@link ImageSpec} to file bytes; the same spec gives the same bytes. */
public final class ImageRenderer {
  private ImageRenderer() {}

  public static byte[] render(ImageSpec spec) {
    if (spec.kind() == ImageSpec.Kind.OVER_LIMIT) {
      return OverLimitPng.write(spec.seed());
    }
    BufferedImage pixels = pixels(spec);
    if (spec.near()) {
      pixels = resized(pixels, 0.97);
    }
    return Encodings.encode(pixels, spec.format(), spec.quality());
  }

  static BufferedImage pixels(ImageSpec spec) {
    return switch (spec.kind()) {
      case LINE_CHART, BAR_CHART, SCATTER_PLOT -> ChartImages.draw(spec);
      case GEL -> TextureImages.gel(spec);
      case MICROSCOPY -> TextureImages.microscopy(spec);
      case PHOTO -> TextureImages.photo(spec);
      case TABLE -> TableImages.draw(spec);
      case OVER_LIMIT -> throw new IllegalArgumentException("an over-limit PNG has no raster");
    };
  }

  /** The near duplicate's change: scaled (bilinear), as a journal's re-rendition would be. */
  private static BufferedImage resized(BufferedImage image, double factor) {
    BufferedImage rgb = image;
    if (image.getType() != BufferedImage.TYPE_INT_RGB) { // gels are grey
      rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      new ColorConvertOp(null).filter(image, rgb);
    }
    int w = (int) Math.round(image.getWidth() * factor);
    int h = (int) Math.round(image.getHeight() * factor);
    // an explicit RGB target: left to itself the op adds alpha, which JPEG cannot hold
    return new AffineTransformOp(
            AffineTransform.getScaleInstance(factor, factor), AffineTransformOp.TYPE_BILINEAR)
        .filter(rgb, new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB));
  }
}
