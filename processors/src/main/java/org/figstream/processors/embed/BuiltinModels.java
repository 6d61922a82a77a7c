package org.figstream.processors.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The encoders that work offline on a fresh machine: MobileNetV2 features exported by
 * tools/mobilenet-export (1280-d), and all-MiniLM-L6-v2 from the langchain4j model jar (384-d).
 * Their descriptors are ordinary descriptor files in models/, so they double as examples.
 */
public final class BuiltinModels {
  public static final String IMAGE = "mobilenet-v2";
  public static final String TEXT = "all-minilm-l6-v2";
  private static final String FOLDER = "/org/figstream/processors/embed/models/";

  private BuiltinModels() {}

  /** A built-in model by name, or a descriptor file by path. */
  public static EncoderDescriptor resolve(String nameOrPath) {
    if (nameOrPath.equals(IMAGE) || nameOrPath.equals(TEXT)) {
      return builtin(nameOrPath);
    }
    try {
      return EncoderDescriptor.read(Path.of(nameOrPath));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read encoder descriptor "
              + nameOrPath
              + " (built-in encoders: "
              + IMAGE
              + ", "
              + TEXT
              + ")",
          e);
    }
  }

  private static EncoderDescriptor builtin(String name) {
    try (InputStream in = BuiltinModels.class.getResourceAsStream(FOLDER + name + ".json")) {
      return new ObjectMapper().readValue(in, EncoderDescriptor.class);
    } catch (IOException e) {
      throw new UncheckedIOException("built-in descriptor " + name + " is missing from the jar", e);
    }
  }
}
