package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
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
 * A measurement on the development set only: top-1 and words embedded for ways of choosing the
 * caption's sentences. {@code -Dfigstream.measure=true -Dtest=SentenceGateMeasurement}.
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class SentenceGateMeasurement {
  @Test
  void measure() throws Exception {
    Accelerator cpu = Accelerator.CPU;
    try (TextEncoder text = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.TEXT), cpu);
        TextDetector detector = TextDetector.load(cpu, LabelSettings.TEXT_DETECTION_SIDE)) {
      ConceptLabeller labeller = Labellers.create(LabelSettings.defaults(), null, text);
      String model = text.descriptor().name();
      // each way of choosing: (the sentences, the calibrated top score from the caption alone)
      Map<String, BiFunction<List<String>, Double, List<String>>> variants = new LinkedHashMap<>();
      variants.put("all (max 12), the title too", (s, top) -> s);
      variants.put("max 8", (s, top) -> s.subList(0, Math.min(8, s.size())));
      variants.put("max 6", (s, top) -> s.subList(0, Math.min(6, s.size())));
      variants.put("not the first (CaptionSentences.of)", (s, top) -> notFirst(s));
      variants.put("first 16 words each", (s, top) -> s.stream().map(x -> words(x, 16)).toList());
      variants.put("first 10 words each", (s, top) -> s.stream().map(x -> words(x, 10)).toList());
      variants.put("first 6 words each", (s, top) -> s.stream().map(x -> words(x, 6)).toList());
      variants.put("caption := mean of sentences", (s, top) -> s);
      for (double t : new double[] {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99}) {
        variants.put("calibrated top < " + t, (s, top) -> top < t ? s : List.of());
        variants.put(
            "calibrated top < " + t + ", not the first",
            (s, top) -> top < t ? notFirst(s) : List.of());
      }
      Map<String, int[]> tally = new LinkedHashMap<>();
      variants.keySet().forEach(k -> tally.put(k, new int[3]));
      int captionWords = 0;
      Map<String, float[]> embedded = new java.util.HashMap<>();
      for (HandLabels.Label want : HandLabels.split(HandLabels.DEV).values()) {
        LabelInput base =
            FigureInputs.input(LabelledFigures.get(want.pairId()), text, detector, null);
        List<String> sentences = CaptionSentences.all(base.caption());
        ConceptLabels alone = labeller.label(base.withSentences(List.of()));
        ConceptScore best = alone == null ? null : Calibration.bestGuess(alone.global());
        double top = best == null ? 1 : best.score();
        captionWords += Math.min(180, base.caption().split("\\s+").length);
        for (var v : variants.entrySet()) {
          List<String> chosen = v.getValue().apply(sentences, top);
          List<Embedding> vectors = new ArrayList<>();
          for (String sentence : chosen) {
            // the same sentence gives the same vector in every variant: embedded once
            float[] v0 =
                embedded.computeIfAbsent(
                    sentence, x -> text.embed(List.of(x), TextRole.CAPTION).get(0));
            vectors.add(new Embedding(model, v0));
          }
          Embedding caption = base.captionEmbedding();
          if (v.getKey().startsWith("caption :=") && !vectors.isEmpty()) {
            float[] mean = new float[vectors.get(0).vector().length];
            for (Embedding e : vectors) {
              for (int i = 0; i < mean.length; i++) {
                mean[i] += e.vector()[i];
              }
            }
            caption = new Embedding(model, Vectors.normalize(mean));
          }
          LabelInput in =
              new LabelInput(
                  base.caption(),
                  base.tableImage(),
                  caption,
                  vectors,
                  base.imageEmbedding(),
                  base.drawnProbability(),
                  base.text(),
                  base.lines(),
                  base.panels());
          tally.get(v.getKey())[0] += first(labeller.label(in)).equals(want.global()) ? 1 : 0;
          tally.get(v.getKey())[1] += chosen.stream().mapToInt(x -> x.split("\\s+").length).sum();
          tally.get(v.getKey())[2] += chosen.size();
        }
      }
      System.out.printf("dev: whole-caption words (to 180) %d%n", captionWords);
      tally.forEach(
          (k, t) ->
              System.out.printf(
                  "%-45s top-1 %d/84, sentences %d, sentence words %d%n", k, t[0], t[2], t[1]));
    }
  }

  private static List<String> notFirst(List<String> s) {
    return s.size() < 2 ? s : s.subList(1, s.size());
  }

  private static String words(String s, int n) {
    String[] w = s.split("\\s+");
    return w.length <= n ? s : String.join(" ", java.util.Arrays.copyOf(w, n));
  }

  private static String first(ConceptLabels labels) {
    ConceptScore best = labels == null ? null : Calibration.bestGuess(labels.global());
    return best == null ? "(no labels)" : best.concept();
  }
}
