package org.figstream.processors.embed;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a model or tokenizer file named by a descriptor. Built-in models are read from the
 * classpath as streams, never unpacked to disk, so nothing is written outside the data directory.
 */
final class ModelFiles {
  static final String CLASSPATH = "classpath:";

  private ModelFiles() {}

  static InputStream open(String ref) throws IOException {
    if (ref.startsWith(CLASSPATH)) {
      String resource = ref.substring(CLASSPATH.length());
      InputStream in =
          ModelFiles.class.getResourceAsStream(
              resource.startsWith("/") ? resource : "/" + resource);
      if (in == null) {
        throw new FileNotFoundException("built-in model file not on the classpath: " + resource);
      }
      return in;
    }
    Path path = Path.of(ref);
    if (!Files.isRegularFile(path)) {
      throw new FileNotFoundException("model file not found: " + path);
    }
    return Files.newInputStream(path);
  }
}
