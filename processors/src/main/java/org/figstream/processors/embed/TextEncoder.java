package org.figstream.processors.embed;

import java.util.List;

/** A text model: one vector per text, in order; thread-safe. */
public interface TextEncoder extends AutoCloseable {
  EncoderDescriptor descriptor();

  List<float[]> embed(List<String> texts);

  @Override
  void close();
}
