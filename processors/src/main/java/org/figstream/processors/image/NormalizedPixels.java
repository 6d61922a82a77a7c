package org.figstream.processors.image;

import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;
import org.figstream.records.NormalizedImage;

/**
 * A normalised image and the raster its JPEG was encoded from ({@code TYPE_INT_RGB}, the pixels its
 * digest and hash were computed on), so that the embed step can use the pixels instead of decoding
 * the JPEG again. For passing along inside one process; the raster is no part of any published
 * record.
 *
 * <p>The raster can be taken once. It is up to 4 MB per figure in flight, and whatever still holds
 * this object after the embed step has preprocessed it (a Reactor operator, a lambda waiting for
 * the batch, a carrier record) must not keep it alive; a second taker, such as a retry, gets null
 * and decodes the JPEG.
 */
public final class NormalizedPixels {
  private final NormalizedImage image;
  private final AtomicReference<BufferedImage> pixels;

  public NormalizedPixels(NormalizedImage image, BufferedImage pixels) {
    this.image = image;
    this.pixels = new AtomicReference<>(pixels);
  }

  public NormalizedImage image() {
    return image;
  }

  /** The raster the first time; null from then on. */
  public BufferedImage takePixels() {
    return pixels.getAndSet(null);
  }
}
