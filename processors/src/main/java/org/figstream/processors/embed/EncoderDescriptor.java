package org.figstream.processors.embed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What figstream needs to know to run an exported encoder without code: where the ONNX file is, how
 * to feed it and how to read it. Users plug in OpenCLIP, BiomedCLIP or DINOv2 exports by writing
 * one of these as JSON next to the model; relative paths resolve against the descriptor's folder,
 * and {@code classpath:} paths name the built-in models.
 *
 * @param name the model's name, recorded with every vector it makes
 * @param kind {@code image} or {@code text}
 * @param model the ONNX file
 * @param space vectors of encoders that name the same space can be compared across image and text;
 *     null when the encoder stands alone
 * @param input image encoders: the input tensor's name
 * @param layout image encoders: {@code NHWC} or {@code NCHW}
 * @param size image encoders: the square side the model takes
 * @param resize image encoders: {@code squash} (whole image to size x size) or {@code crop}
 *     (shorter side to size, then the centre)
 * @param scale image encoders: pixels are divided by this first (255 for [0,1])
 * @param mean image encoders: per-channel mean subtracted after scaling, RGB
 * @param std image encoders: per-channel divisor after the mean
 * @param tokenizer text encoders: a Hugging Face {@code tokenizer.json}
 * @param maxTokens text encoders: longer captions are truncated to this many tokens
 * @param idsInput text encoders: the token ids input
 * @param maskInput text encoders: the attention mask input, or null if the model takes none
 * @param typesInput text encoders: the token type input, or null if the model takes none
 * @param captionPrefix text encoders: put before every caption and caption sentence ({@link
 *     TextRole#CAPTION}), e.g. e5's {@code "query: "}; empty by default. The stored vectors depend
 *     on it, so a descriptor that changes it must change its name too
 * @param conceptPrefix text encoders: put before every concept description ({@link
 *     TextRole#CONCEPT}); empty by default
 * @param output the output tensor's name
 * @param pooling how a [N,T,D] output becomes [N,D]: {@code none} (already [N,D]), {@code mean}
 *     (masked mean over tokens), {@code cls} (the first token)
 * @param normalize whether vectors are L2-normalised before they leave the encoder
 * @param dimensions the vector length, checked on the first batch
 * @param dynamicQuantization text encoders: the model quantizes its activations with a scale taken
 *     from the whole input tensor (ONNX {@code DynamicQuantizeLinear}), so a text's vector would
 *     depend on the texts and the padding batched with it; each text then runs in a model call of
 *     its own, and its vector depends on its text only
 */
public record EncoderDescriptor(
    String name,
    String kind,
    String model,
    String space,
    String input,
    String layout,
    int size,
    String resize,
    float scale,
    float[] mean,
    float[] std,
    String tokenizer,
    int maxTokens,
    String idsInput,
    String maskInput,
    String typesInput,
    String captionPrefix,
    String conceptPrefix,
    String output,
    String pooling,
    boolean normalize,
    int dimensions,
    boolean dynamicQuantization) {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public EncoderDescriptor {
    require(name, "name");
    require(model, "model");
    require(output, "output");
    kind = oneOf(kind, "kind", "image", "text");
    pooling = oneOf(pooling == null ? "none" : pooling, "pooling", "none", "mean", "cls");
    if (dimensions <= 0) {
      throw new IllegalArgumentException("descriptor " + name + ": dimensions must be positive");
    }
    if (kind.equals("image")) {
      require(input, "input");
      layout =
          oneOf(
              layout == null ? "NCHW" : layout.toUpperCase(Locale.ROOT), "layout", "NHWC", "NCHW");
      resize = oneOf(resize == null ? "squash" : resize, "resize", "squash", "crop");
      scale = scale == 0 ? 255f : scale;
      mean = mean == null ? new float[3] : mean;
      std = std == null ? new float[] {1, 1, 1} : std;
      if (size <= 0 || mean.length != 3 || std.length != 3) {
        throw new IllegalArgumentException(
            "descriptor " + name + ": image encoders need size > 0 and 3 mean/std values");
      }
    } else {
      require(tokenizer, "tokenizer");
      idsInput = idsInput == null ? "input_ids" : idsInput;
      maxTokens = maxTokens <= 0 ? 256 : maxTokens;
    }
    captionPrefix = captionPrefix == null ? "" : captionPrefix;
    conceptPrefix = conceptPrefix == null ? "" : conceptPrefix;
    if (kind.equals("image") && dynamicQuantization) {
      throw new IllegalArgumentException(
          "descriptor " + name + ": dynamicQuantization is for text encoders, not image ones");
    }
    if (kind.equals("image") && !(captionPrefix + conceptPrefix).isEmpty()) {
      throw new IllegalArgumentException(
          "descriptor " + name + ": prefixes are for text encoders, not image ones");
    }
  }

  /**
   * Reads a descriptor; its relative {@code model} and {@code tokenizer} paths resolve against its
   * folder.
   */
  public static EncoderDescriptor read(Path file) throws IOException {
    EncoderDescriptor d;
    try {
      d = JSON.readValue(Files.readAllBytes(file), EncoderDescriptor.class);
    } catch (ValueInstantiationException e) {
      // Jackson wraps what the constructor refused; a bad field is the user's error, not an I/O
      // one.
      if (e.getCause() instanceof IllegalArgumentException refused) {
        throw new IllegalArgumentException(file + ": " + refused.getMessage(), refused);
      }
      throw e;
    }
    Path base = file.toAbsolutePath().getParent();
    return d.withFiles(
        resolve(base, d.model), d.tokenizer == null ? null : resolve(base, d.tokenizer));
  }

  public boolean isImage() {
    return kind.equals("image");
  }

  /** What a text of this role is prefixed with before it is tokenized. */
  public String prefix(TextRole role) {
    return role == TextRole.CAPTION ? captionPrefix : conceptPrefix;
  }

  EncoderDescriptor withFiles(String model, String tokenizer) {
    return new EncoderDescriptor(
        name,
        kind,
        model,
        space,
        input,
        layout,
        size,
        resize,
        scale,
        mean,
        std,
        tokenizer,
        maxTokens,
        idsInput,
        maskInput,
        typesInput,
        captionPrefix,
        conceptPrefix,
        output,
        pooling,
        normalize,
        dimensions,
        dynamicQuantization);
  }

  private static String resolve(Path base, String ref) {
    return ref.startsWith(ModelFiles.CLASSPATH) ? ref : base.resolve(ref).normalize().toString();
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("encoder descriptor: '" + field + "' is required");
    }
  }

  private static String oneOf(String value, String field, String... allowed) {
    for (String a : allowed) {
      if (a.equals(value)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "encoder descriptor: '"
            + field
            + "' must be one of "
            + String.join(", ", allowed)
            + ", not "
            + value);
  }
}
