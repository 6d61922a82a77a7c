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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A text encoder from an ONNX file, a Hugging Face tokenizer and a descriptor. Captions longer than
 * the descriptor's token limit are truncated by the tokenizer; the text itself is cut first at a
 * generous character bound so that a pathological caption cannot make tokenizing slow. The role's
 * prefix goes before the cut text, so it is always kept and counts towards the token limit.
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
  private final Function<int[], List<int[]>> plan;

  /** With length buckets, the default. */
  public OnnxTextEncoder(EncoderDescriptor descriptor, Accelerator accelerator) {
    this(descriptor, accelerator, true);
  }

  /**
   * @param lengthBuckets whether a batch runs as calls of texts of similar token length ({@link
   *     CallPlan#planned}) rather than as one call padded to its longest text
   */
  public OnnxTextEncoder(
      EncoderDescriptor descriptor, Accelerator accelerator, boolean lengthBuckets) {
    this(descriptor, accelerator, lengthBuckets ? CallPlan::planned : CallPlan::oneCall);
  }

  /**
   * @param plan how a batch's rows, given their token lengths, are split into model calls; a
   *     dynamically quantized model runs each row alone whatever this says
   */
  OnnxTextEncoder(
      EncoderDescriptor descriptor, Accelerator accelerator, Function<int[], List<int[]>> plan) {
    if (descriptor.isImage()) {
      throw new IllegalArgumentException(
          descriptor.name() + " is an image encoder, not a text one");
    }
    this.d = descriptor;
    this.plan = descriptor.dynamicQuantization() ? CallPlan::alone : plan;
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
  public List<float[]> embed(List<String> texts, TextRole role) {
    if (texts.isEmpty()) {
      return List.of();
    }
    String prefix = d.prefix(role);
    int bound = d.maxTokens() * CHARS_PER_TOKEN_BOUND;
    List<String> cut =
        texts.stream()
            .map(t -> t.length() > bound ? t.substring(0, bound) : t)
            .map(prefix::concat)
            .toList();
    Encoding[] encodings = tokenizer.batchEncode(cut);
    int n = encodings.length;
    int[] lengths = new int[n];
    for (int i = 0; i < n; i++) {
      lengths[i] = tokens(encodings[i]);
    }
    float[][] vectors = new float[n][];
    for (int[] bucket : plan.apply(lengths)) {
      int len = 0;
      for (int i : bucket) {
        len = Math.max(len, lengths[i]);
      }
      List<float[]> rows = run(encodings, bucket, len);
      for (int j = 0; j < bucket.length; j++) {
        vectors[bucket[j]] = rows.get(j);
      }
    }
    return Arrays.asList(vectors);
  }

  /** Tokens up to the last one attended to: the padding the tokenizer added comes after it. */
  private static int tokens(Encoding encoding) {
    long[] mask = encoding.getAttentionMask();
    int last = mask.length;
    while (last > 1 && mask[last - 1] == 0) {
      last--;
    }
    return last;
  }

  /** One model call on the given rows, each cut (or kept) to {@code len} tokens. */
  private List<float[]> run(Encoding[] encodings, int[] rows, int len) {
    int n = rows.length;
    long[] ids = new long[n * len];
    long[] mask = new long[n * len];
    long[] types = new long[n * len];
    long[][] masks = new long[n][];
    for (int r = 0; r < n; r++) {
      Encoding e = encodings[rows[r]];
      System.arraycopy(e.getIds(), 0, ids, r * len, len);
      System.arraycopy(e.getAttentionMask(), 0, mask, r * len, len);
      System.arraycopy(e.getTypeIds(), 0, types, r * len, len);
      masks[r] = Arrays.copyOf(e.getAttentionMask(), len);
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
