package org.figstream.loadtest.generate;

/**
 * Everything one image's bytes are made from: the same spec gives the same bytes.
 *
 * @param seed the image's own random stream (unique per original image)
 * @param near whether this is the near-duplicate rendition: the original's pixels scaled to 97% and
 *     re-encoded as JPEG at another quality
 */
public record ImageSpec(
    Kind kind, long seed, int width, int height, Format format, float quality, boolean near) {

  /** What the image shows. */
  public enum Kind {
    LINE_CHART,
    BAR_CHART,
    SCATTER_PLOT,
    GEL,
    MICROSCOPY,
    PHOTO,
    TABLE,
    /** A scan whose header declares more pixels than the normaliser accepts. */
    OVER_LIMIT
  }

  /** How it is encoded, and the file suffix. */
  public enum Format {
    JPEG(".jpg"),
    PNG(".png"),
    TIFF(".tif");

    public final String suffix;

    Format(String suffix) {
      this.suffix = suffix;
    }
  }

  public ImageSpec nearDuplicate() {
    return new ImageSpec(
        kind, seed, width, height, Format.JPEG, quality > 0.8f ? 0.7f : 0.9f, true);
  }

  public String suffix() {
    return format.suffix;
  }
}
