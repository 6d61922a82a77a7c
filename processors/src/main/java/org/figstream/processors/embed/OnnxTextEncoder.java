package org.figstream.processors.embed;

import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A text encoder from an ONNX file, a Hugging Face tokenizer and a descriptor. Captions longer than
 * the descriptor's token limit are truncated by the tokenizer; the text itself is cut first at a
 * generous character bound so that a pathological caption cannot make tokenizing slow.
 */
public final class OnnxTextEncoder implements TextEncoder {
  /**
   * What one token can span at most: the tokenizer turns a word of over 100 characters into one
   * unknown token. Cutting at maxTokens times this never changes the tokens kept.
   */
  private static final int CHARS_PER_TOKEN_BOUND = 101;

  private final EncoderDescriptor d;
  private final HuggingFaceTokenizer tokenizer;
  private final Model model;

  public OnnxTextEncoder(EncoderDescriptor descriptor, Accelerator accelerator) {
    if (descriptor.isImage()) {
      throw new IllegalArgumentException(
          descriptor.name() + " is an image encoder, not a text one");
    }
    this.d = descriptor;
    try (InputStream in = ModelFiles.open(descriptor.tokenizer())) {
      this.tokenizer =
          HuggingFaceTokenizer.newInstance(
              in,
              Map.of(
                  "padding",
                  "true",
                  "truncation",
                  "true",
                  "maxLength",
                  Integer.toString(descriptor.maxTokens())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tokenizer " + descriptor.tokenizer(), e);
    }
    this.model = OrtModels.load(descriptor, accelerator);
  }

  @Override
  public EncoderDescriptor descriptor() {
    return d;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    int bound = d.maxTokens() * CHARS_PER_TOKEN_BOUND;
    List<String> cut =
        texts.stream().map(t -> t.length() > bound ? t.substring(0, bound) : t).toList();
    Encoding[] encodings = tokenizer.batchEncode(cut);
    int n = encodings.length;
    int len = encodings[0].getIds().length;
    long[] ids = new long[n * len];
    long[] mask = new long[n * len];
    long[] types = new long[n * len];
    long[][] masks = new long[n][];
    for (int i = 0; i < n; i++) {
      System.arraycopy(encodings[i].getIds(), 0, ids, i * len, len);
      System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * len, len);
      System.arraycopy(encodings[i].getTypeIds(), 0, types, i * len, len);
      masks[i] = encodings[i].getAttentionMask();
    }
    Shape shape = new Shape(n, len);
    try (NDManager manager = model.getNDManager().newSubManager()) {
      NDList inputs = new NDList(named(manager.create(ids, shape), d.idsInput()));
      if (d.maskInput() != null) {
        inputs.add(named(manager.create(mask, shape), d.maskInput()));
      }
      if (d.typesInput() != null) {
        inputs.add(named(manager.create(types, shape), d.typesInput()));
      }
      NDList out = model.getBlock().forward(new ParameterStore(manager, false), inputs, false);
      return Outputs.rows(out, d, n, masks);
    }
  }

  private static NDArray named(NDArray array, String name) {
    array.setName(name);
    return array;
  }

  @Override
  public void close() {
    model.close();
    tokenizer.close();
  }
}
