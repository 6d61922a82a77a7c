package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.embed.TextRole;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.records.ConceptLabels;
import org.figstream.records.ConceptScore;
import org.figstream.records.Embedding;
import org.figstream.records.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement on the development set only (tried 2026-12-06, not adopted): of the sentences the
 * labeller's gate would embed, only those sharing words (four letters or more, a plural's "s" cut,
 * a few stop words left out) with the concept descriptions, or with the words only a few global
 * concepts' descriptions use. {@code -Dfigstream.measure=true -Dtest=SentenceWordsMeasurement};
 * docs/embeddings-and-labels.md, "Sentences chosen by their words".
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class SentenceWordsMeasurement {
  static final Set<String> STOP =
      Set.of(
          "with", "from", "that", "this", "which", "their", "were", "between", "each", "using",
          "used", "figure", "panel", "panels", "shown", "show", "shows", "showing", "data", "into",
          "other", "such", "than", "over", "under", "after", "before", "where", "when", "these",
          "those", "have", "been", "both", "more", "most", "only", "also", "within", "per",
          "through", "about", "there", "they", "them", "while", "whose", "onto", "upon", "along",
          "across");

  @Test
  void measure() throws Exception {
    Taxonomy taxonomy = Taxonomy.biomedica();
    ConceptDescriptions d = ConceptDescriptions.builtin(taxonomy);
    // word -> the global concepts whose descriptions (their locals' included) use it
    Map<String, Set<String>> owners = new HashMap<>();
    taxonomy
        .globalToLocals()
        .forEach(
            (g, locals) -> {
              List<String> texts = new ArrayList<>(d.global().getOrDefault(g, List.of()));
              texts.add(g);
              for (String l : locals) {
                texts.addAll(d.local().getOrDefault(l, List.of()));
                texts.add(l);
              }
              texts.forEach(
                  t ->
                      words(t)
                          .forEach(w -> owners.computeIfAbsent(w, k -> new HashSet<>()).add(g)));
            });
    Map<String, Predicate<String>> filters = new LinkedHashMap<>();
    filters.put("every sentence (default)", s -> true);
    for (int maxOwners : new int[] {99, 3, 2, 1}) {
      for (int need : new int[] {1, 2}) {
        filters.put(
            "shares >= " + need + " words owned by <= " + maxOwners + " concepts",
            s ->
                words(s).stream()
                        .filter(w -> owners.containsKey(w) && owners.get(w).size() <= maxOwners)
                        .count()
                    >= need);
      }
    }
    Map<String, int[]> tally = new LinkedHashMap<>();
    filters.keySet().forEach(k -> tally.put(k, new int[3]));
    Accelerator cpu = Accelerator.CPU;
    try (TextEncoder text = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.TEXT), cpu);
        TextDetector detector = TextDetector.load(cpu, LabelSettings.TEXT_DETECTION_SIDE)) {
      ConceptLabeller labeller = Labellers.create(LabelSettings.defaults(), null, text);
      String model = text.descriptor().name();
      Map<String, float[]> embedded = new HashMap<>();
      int n = 0;
      for (HandLabels.Label want : HandLabels.split(HandLabels.DEV).values()) {
        n++;
        LabelInput every =
            FigureInputs.input(LabelledFigures.get(want.pairId()), text, detector, null);
        LabelInput alone = every.withSentences(List.of());
        boolean wants = labeller.wantsSentences(labeller.label(alone));
        List<String> sentences = CaptionSentences.of(every.caption());
        for (var f : filters.entrySet()) {
          List<Embedding> chosen = new ArrayList<>();
          int words = 0;
          if (wants) {
            for (String s : sentences) {
              if (f.getValue().test(s)) {
                chosen.add(
                    new Embedding(
                        model,
                        embedded.computeIfAbsent(
                            s, x -> text.embed(List.of(x), TextRole.CAPTION).get(0))));
                words += s.split("\\s+").length;
              }
            }
          }
          int[] t = tally.get(f.getKey());
          t[0] += first(labeller.label(alone.withSentences(chosen))).equals(want.global()) ? 1 : 0;
          t[1] += chosen.size();
          t[2] += words;
        }
      }
      int total = n;
      tally.forEach(
          (k, t) ->
              System.out.printf(
                  Locale.ROOT,
                  "%-50s top-1 %d/%d, sentences %d, words %d%n",
                  k,
                  t[0],
                  total,
                  t[1],
                  t[2]));
    }
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (w.length() >= 4 && !STOP.contains(w)) {
        out.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
      }
    }
    return out;
  }

  private static String first(ConceptLabels labels) {
    ConceptScore best = labels == null ? null : Calibration.bestGuess(labels.global());
    return best == null ? "(no labels)" : best.concept();
  }
}
