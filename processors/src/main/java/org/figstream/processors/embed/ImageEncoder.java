package org.figstream.processors.embed;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * An image model. Preprocessing and inference are separate so that a batching stage can preprocess
 * the next images on other threads while one batch is inferred.
 */
public interface ImageEncoder extends AutoCloseable {
  EncoderDescriptor descriptor();

  /** One model input, thread-safe. */
  float[] preprocess(BufferedImage image);

  /** One vector per preprocessed input, in order; thread-safe. */
  List<float[]> embed(List<float[]> inputs);

  @Override
  void close();
}
