package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.embed.TextRole;
import org.figstream.processors.embed.Vectors;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.records.ConceptLabels;
import org.figstream.records.ConceptScore;
import org.figstream.records.Embedding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement on the development set only (tried 2026-12-06, not adopted): cheaper vectors for
 * the sentences the labeller's gate wants, while the caption and the concept descriptions keep the
 * default's fp32 e5-small-v2. Either the int8 weights, each sentence in its own call, or no call at
 * all: the mean of the words' own vectors, each word embedded once alone (a static table distilled
 * from the model). {@code -Dfigstream.measure=true -Dtest=SentenceEncoderMeasurement};
 * docs/embeddings-and-labels.md, "Cheaper sentence vectors".
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class SentenceEncoderMeasurement {
  @Test
  void measure() throws Exception {
    Accelerator cpu = Accelerator.CPU;
    try (TextEncoder text = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.TEXT), cpu);
        TextEncoder int8 = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.E5_INT8), cpu);
        TextDetector detector = TextDetector.load(cpu, LabelSettings.TEXT_DETECTION_SIDE)) {
      ConceptLabeller labeller = Labellers.create(LabelSettings.defaults(), null, text);
      String model = text.descriptor().name();
      Map<String, float[]> words = new HashMap<>();
      int n = 0;
      int sentences = 0;
      int[] right = new int[4];
      long[] nanos = new long[2];
      for (HandLabels.Label want : HandLabels.split(HandLabels.DEV).values()) {
        n++;
        LabelInput every =
            FigureInputs.input(LabelledFigures.get(want.pairId()), text, detector, null);
        LabelInput alone = every.withSentences(List.of());
        List<String> wanted =
            labeller.wantsSentences(labeller.label(alone))
                ? CaptionSentences.of(every.caption())
                : List.of();
        sentences += wanted.size();
        List<List<Embedding>> variants =
            new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        for (String s : wanted) {
          TextEncoder[] encoders = {text, int8};
          for (int e = 0; e < encoders.length; e++) {
            long t0 = System.nanoTime();
            float[] v = encoders[e].embed(List.of(s), TextRole.CAPTION).get(0);
            nanos[e] += System.nanoTime() - t0;
            variants.get(e).add(new Embedding(model, v));
          }
          variants.get(2).add(new Embedding(model, wordMean(s, text, words)));
        }
        variants.add(List.of());
        for (int v = 0; v < variants.size(); v++) {
          String got = first(labeller.label(alone.withSentences(variants.get(v))));
          right[v] += got.equals(want.global()) ? 1 : 0;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "dev %d figures, %d sentences wanted; top-1 with sentences by fp32 %d, by int8 %d,"
              + " by word means %d (%d words), with none %d; sentence ms fp32 %.0f, int8 %.0f%n",
          n,
          sentences,
          right[0],
          right[1],
          right[2],
          words.size(),
          right[3],
          nanos[0] / 1e6,
          nanos[1] / 1e6);
    }
  }

  /** The unit mean of the sentence's words' vectors, each word embedded alone once. */
  private static float[] wordMean(String sentence, TextEncoder text, Map<String, float[]> words) {
    float[] sum = null;
    for (String w : sentence.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        float[] v = words.computeIfAbsent(w, x -> text.embed(List.of(x), TextRole.CAPTION).get(0));
        sum = sum == null ? new float[v.length] : sum;
        for (int i = 0; i < v.length; i++) {
          sum[i] += v[i];
        }
      }
    }
    return sum == null ? new float[0] : Vectors.normalize(sum);
  }

  private static String first(ConceptLabels labels) {
    ConceptScore best = labels == null ? null : Calibration.bestGuess(labels.global());
    return best == null ? "(no labels)" : best.concept();
  }
}
