package org.figstream.processors.label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.EncoderDescriptor;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.embed.TextRole;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbers behind the default caption encoder (docs/embeddings-and-labels.md): each candidate's
 * labels on the hand-labelled figures ({@link LabelEvaluation}, the development set, without the
 * text evidence) and its CPU time per caption, all in one run so the times compare. Minutes long,
 * so only on request: {@code -Dtest=TextModelComparison -Dfigstream.compareTextModels=true}; writes
 * target/text-models.txt.
 */
@EnabledIfSystemProperty(named = "figstream.compareTextModels", matches = "true")
class TextModelComparison {
  /** One intra-op thread per session, as the CLI runs it, so other load moves the times less. */
  static final Accelerator ONE_THREAD = new Accelerator("cpu", 0, false, null, 1);

  private static final int ROUNDS = 5;
  private static final int BATCH = 16;

  @TempDir Path dir;

  @Test
  void compare() throws IOException {
    Map<String, EncoderDescriptor> candidates = new LinkedHashMap<>();
    candidates.put("all-MiniLM-L6-v2", BuiltinModels.resolve(BuiltinModels.MINILM));
    candidates.put("e5, no prefix, 512", e5("", "", 512));
    candidates.put("e5, query/query, 512", e5("query: ", "query: ", 512));
    candidates.put("e5, query/passage, 512", e5("query: ", "passage: ", 512));
    candidates.put("e5, no prefix, 256", e5("", "", 256));
    List<String> captions =
        HandLabels.all().values().stream()
            .map(l -> LabelledFigures.get(l.pairId()).record())
            .map(FigureRecord::caption)
            .map(String::strip)
            .toList();
    List<String> withSentences = new ArrayList<>();
    captions.forEach(
        c -> {
          withSentences.add(c);
          withSentences.addAll(CaptionSentences.of(c));
        });

    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%d hand-labelled figures (%d captions and sentences); times: median of %d rounds,"
                + " batches of %d, one thread%n",
            captions.size(), withSentences.size(), ROUNDS, BATCH));
    out.append("candidate\ttop-1\ttop-3\tpanel\tms/caption\tms/figure\n");
    Map<String, TextEncoder> encoders = new LinkedHashMap<>();
    try {
      candidates.forEach((k, d) -> encoders.put(k, new OnnxTextEncoder(d, ONE_THREAD)));
      // Warm-up, then the rounds interleaved over the candidates so drift in load hits all alike.
      encoders.values().forEach(e -> time(e, captions));
      Map<String, long[]> captionNanos = new LinkedHashMap<>();
      Map<String, long[]> figureNanos = new LinkedHashMap<>();
      for (int r = 0; r < ROUNDS; r++) {
        for (Map.Entry<String, TextEncoder> e : encoders.entrySet()) {
          captionNanos.computeIfAbsent(e.getKey(), k -> new long[ROUNDS])[r] =
              time(e.getValue(), captions);
          figureNanos.computeIfAbsent(e.getKey(), k -> new long[ROUNDS])[r] =
              time(e.getValue(), withSentences);
        }
      }
      for (Map.Entry<String, TextEncoder> e : encoders.entrySet()) {
        ConceptLabeller labeller = Labellers.create(LabelSettings.defaults(), null, e.getValue());
        LabelEvaluation.Result m =
            LabelEvaluation.run(HandLabels.all(), labeller, e.getValue(), null);
        out.append(
            String.format(
                "%s\t%d/%d\t%d/%d\t%d/%d\t%.1f\t%.1f%n",
                e.getKey(),
                m.top1(),
                m.n(),
                m.top3(),
                m.n(),
                m.panel(),
                m.n(),
                median(captionNanos.get(e.getKey())) / 1e6 / captions.size(),
                median(figureNanos.get(e.getKey())) / 1e6 / captions.size()));
        Files.writeString(
            Path.of("target/label-quality-" + e.getKey().replaceAll("[^a-zA-Z0-9]+", "-") + ".txt"),
            m.rows());
      }
      out.append(longerThan256(encoders, captions));
    } finally {
      encoders.values().forEach(TextEncoder::close);
    }
    System.out.print(out);
    Files.writeString(Path.of("target/text-models.txt"), out);
  }

  /** How many captions the 256-token cap changes: those over 256 e5 tokens. */
  private static String longerThan256(Map<String, TextEncoder> encoders, List<String> captions) {
    List<float[]> full = encoders.get("e5, no prefix, 512").embed(captions, TextRole.CAPTION);
    List<float[]> cut = encoders.get("e5, no prefix, 256").embed(captions, TextRole.CAPTION);
    int changed = 0;
    for (int i = 0; i < captions.size(); i++) {
      changed += Arrays.equals(full.get(i), cut.get(i)) ? 0 : 1;
    }
    return String.format("captions over 256 tokens (e5): %d%n", changed);
  }

  private static long time(TextEncoder encoder, List<String> texts) {
    return time(encoder, texts, BATCH);
  }

  /** Nanoseconds to embed {@code texts} in batches of {@code batch}. */
  static long time(TextEncoder encoder, List<String> texts, int batch) {
    long start = System.nanoTime();
    for (int i = 0; i < texts.size(); i += batch) {
      encoder.embed(texts.subList(i, Math.min(texts.size(), i + batch)), TextRole.CAPTION);
    }
    return System.nanoTime() - start;
  }

  /** CPU time of the whole process: the models run on ONNX Runtime's own threads too. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The built-in e5 descriptor with other prefixes and token limit, read as a user's file. */
  private EncoderDescriptor e5(String captionPrefix, String conceptPrefix, int maxTokens)
      throws IOException {
    Path file = dir.resolve("e5-" + captionPrefix.length() + conceptPrefix + maxTokens + ".json");
    Files.writeString(
        file,
        """
        {"name": "e5-small-v2", "kind": "text", "model": "classpath:e5-small-v2.onnx",
         "tokenizer": "classpath:e5-small-v2-tokenizer.json", "maxTokens": %d,
         "typesInput": "token_type_ids", "maskInput": "attention_mask",
         "captionPrefix": "%s", "conceptPrefix": "%s", "output": "last_hidden_state",
         "pooling": "mean", "normalize": true, "dimensions": 384}
        """
            .formatted(maxTokens, captionPrefix, conceptPrefix));
    return EncoderDescriptor.read(file);
  }
}
