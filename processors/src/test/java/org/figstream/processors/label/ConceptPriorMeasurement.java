package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.records.ConceptLabels;
import org.figstream.records.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement on the development set only (tried 2026-12-06, not adopted): a weight per global
 * concept on the labeller's raw global scores, from {@link #GRID}, fitted by coordinate ascent (a
 * weight changes only where top-1 strictly improves), on the whole set and leaving each article out
 * in turn. {@code -Dfigstream.measure=true -Dtest=ConceptPriorMeasurement};
 * docs/embeddings-and-labels.md, "Weights per concept".
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class ConceptPriorMeasurement {
  record Row(String article, String hand, Map<String, Float> raw) {}

  static final double[] GRID = {1, 0.5, 0.25, 0.1, 0.05};

  @Test
  void measure() throws Exception {
    Accelerator cpu = Accelerator.CPU;
    List<Row> rows = new ArrayList<>();
    try (TextEncoder text = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.TEXT), cpu);
        TextDetector detector = TextDetector.load(cpu, LabelSettings.TEXT_DETECTION_SIDE)) {
      ConceptLabeller labeller = Labellers.create(LabelSettings.defaults(), null, text);
      ConceptLabeller raw = LabelEvaluation.raw(text);
      for (HandLabels.Label want : HandLabels.split(HandLabels.DEV).values()) {
        LabelledFigures.Figure f = LabelledFigures.get(want.pairId());
        LabelInput in = FigureInputs.gated(FigureInputs.input(f, text, detector, null), labeller);
        ConceptLabels all = raw.label(in);
        Map<String, Float> scores = new LinkedHashMap<>();
        if (all != null) {
          all.global().forEach(s -> scores.put(s.concept(), s.score()));
        }
        rows.add(new Row(f.record().articleKey(), want.global(), scores));
      }
    }
    List<String> concepts = new ArrayList<>(Taxonomy.biomedica().globalToLocals().keySet());
    concepts.remove(Taxonomy.AMBIGUOUS);
    System.out.printf("dev %d, no weights %d%n", rows.size(), right(rows, Map.of()));
    Map<String, Double> all = fit(rows, concepts);
    System.out.printf("fitted on all dev: %d, weights %s%n", right(rows, all), all);
    int held = 0;
    for (String article : rows.stream().map(Row::article).distinct().toList()) {
      List<Row> rest = rows.stream().filter(r -> !r.article().equals(article)).toList();
      List<Row> out = rows.stream().filter(r -> r.article().equals(article)).toList();
      Map<String, Double> w = fit(rest, concepts);
      int r = right(out, w);
      held += r;
      System.out.printf(
          "  held out %s: %d/%d right (unweighted %d), weights %s%n",
          article, r, out.size(), right(out, Map.of()), w);
    }
    System.out.printf("leave one article out: %d/%d%n", held, rows.size());
  }

  /** Coordinate ascent: a weight changes only where top-1 strictly improves. */
  static Map<String, Double> fit(List<Row> rows, List<String> concepts) {
    Map<String, Double> w = new TreeMap<>();
    int best = right(rows, w);
    boolean improved = true;
    while (improved) {
      improved = false;
      for (String c : concepts) {
        for (double g : GRID) {
          Map<String, Double> t = new TreeMap<>(w);
          t.put(c, g);
          int r = right(rows, t);
          if (r > best) {
            best = r;
            w = t;
            improved = true;
          }
        }
      }
    }
    return w;
  }

  static int right(List<Row> rows, Map<String, Double> w) {
    int right = 0;
    for (Row r : rows) {
      String best = null;
      double mass = -1;
      for (var e : r.raw().entrySet()) {
        double m = e.getValue() * w.getOrDefault(e.getKey(), 1.0);
        if (m > mass) {
          mass = m;
          best = e.getKey();
        }
      }
      right += r.hand().equals(best) ? 1 : 0;
    }
    return right;
  }
}
