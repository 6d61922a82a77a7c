package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.ocr.TextDetector;
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
  static final double[] GRID = {1, 0.5, 0.25, 0.1, 0.05};

  @Test
  void measure() throws Exception {
    Accelerator cpu = Accelerator.CPU;
    List<DevScores.Row> rows;
    try (TextEncoder text = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.TEXT), cpu);
        TextDetector detector = TextDetector.load(cpu, LabelSettings.TEXT_DETECTION_SIDE)) {
      rows = DevScores.read(text, detector);
    }
    List<String> concepts = new ArrayList<>(Taxonomy.biomedica().globalToLocals().keySet());
    concepts.remove(Taxonomy.AMBIGUOUS);
    System.out.printf("dev %d, no weights %d%n", rows.size(), right(rows, Map.of()));
    Map<String, Double> all = fit(rows, concepts);
    System.out.printf("fitted on all dev: %d, weights %s%n", right(rows, all), all);
    int held = 0;
    for (String article : rows.stream().map(DevScores.Row::article).distinct().toList()) {
      List<DevScores.Row> rest = rows.stream().filter(r -> !r.article().equals(article)).toList();
      List<DevScores.Row> out = rows.stream().filter(r -> r.article().equals(article)).toList();
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
  static Map<String, Double> fit(List<DevScores.Row> rows, List<String> concepts) {
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

  static int right(List<DevScores.Row> rows, Map<String, Double> w) {
    int right = 0;
    for (DevScores.Row r : rows) {
      right += r.hand().equals(DevScores.best(r.raw(), w)) ? 1 : 0;
    }
    return right;
  }
}
