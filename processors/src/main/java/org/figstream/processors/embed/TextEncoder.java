package org.figstream.processors.embed;

import java.util.List;

/**
 * A text model: one vector per text, in order; thread-safe. The caller says what the texts are, so
 * the descriptor's prefix for that role goes first ({@link EncoderDescriptor#prefix}).
 */
public interface TextEncoder extends AutoCloseable {
  EncoderDescriptor descriptor();

  List<float[]> embed(List<String> texts, TextRole role);

  @Override
  void close();
}
