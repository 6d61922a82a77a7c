package org.figstream.processors.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The encoders that work offline on a fresh machine: MobileNetV2 features exported by
 * tools/mobilenet-export (1280-d), and e5-small-v2 (fp32 and int8) and all-MiniLM-L6-v2 from the
 * langchain4j model jars (384-d each). Their descriptors are ordinary descriptor files in models/,
 * so they double as examples.
 */
public final class BuiltinModels {
  public static final String IMAGE = "mobilenet-v2";
  public static final String MINILM = "all-minilm-l6-v2";
  public static final String E5 = "e5-small-v2";

  /**
   * e5-small-v2 with its weights quantized to int8 (dynamic quantization, by Xenova): half the CPU
   * time of the fp32 weights, and 64 of the development set's 84 figures labelled right against 68
   * (docs/embeddings-and-labels.md), so not the default.
   */
  public static final String E5_INT8 = "e5-small-v2-q";

  /**
   * The default caption encoder: e5-small-v2 labels the hand-labelled figures better than MiniLM
   * (docs/embeddings-and-labels.md).
   */
  public static final String TEXT = E5;

  private static final List<String> ALL = List.of(IMAGE, MINILM, E5, E5_INT8);
  private static final String FOLDER = "/org/figstream/processors/embed/models/";

  private BuiltinModels() {}

  /** A built-in model by name, or a descriptor file by path. */
  public static EncoderDescriptor resolve(String nameOrPath) {
    if (ALL.contains(nameOrPath)) {
      return builtin(nameOrPath);
    }
    try {
      return EncoderDescriptor.read(Path.of(nameOrPath));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read encoder descriptor "
              + nameOrPath
              + " (built-in encoders: "
              + String.join(", ", ALL)
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
