package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.OnnxImageEncoder;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.ocr.TextDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement on the development set only (tried 2026-12-06, not adopted): the hand labels of a
 * figure's nearest labelled images (MobileNetV2 features, cosine, the k nearest figures of other
 * articles, votes weighted by similarity) alone, and as a prior on the zero-shot labeller's raw
 * global scores: each concept's score times {@code 1 + beta x its vote share} ("mult") or times
 * {@code (0.1 + share)^(beta/4)} ("pow"). Leaving the figure's whole article out keeps a figure's
 * siblings, which look alike, from voting for it. {@code -Dfigstream.measure=true
 * -Dtest=ImageNeighboursMeasurement}; docs/embeddings-and-labels.md, "Labelled neighbours' images".
 */
@EnabledIfSystemProperty(named = "figstream.measure", matches = "true")
class ImageNeighboursMeasurement {
  record Row(String article, String hand, float[] image, Map<String, Float> raw) {}

  @Test
  void measure() throws Exception {
    Accelerator cpu = Accelerator.CPU;
    List<Row> rows = new ArrayList<>();
    try (TextEncoder text = new OnnxTextEncoder(BuiltinModels.resolve(BuiltinModels.TEXT), cpu);
        OnnxImageEncoder image =
            new OnnxImageEncoder(BuiltinModels.resolve(BuiltinModels.IMAGE), cpu);
        TextDetector detector = TextDetector.load(cpu, LabelSettings.TEXT_DETECTION_SIDE)) {
      for (DevScores.Row r : DevScores.read(text, detector)) {
        LabelledFigures.Figure f = LabelledFigures.get(r.pairId());
        if (f.image() != null) {
          float[] v = image.embed(List.of(image.preprocess(f.raster()))).get(0);
          rows.add(new Row(r.article(), r.hand(), v, r.raw()));
        }
      }
    }
    System.out.printf("dev rows with image %d%n", rows.size());
    System.out.printf("zero-shot alone: %d%n", count(rows, 0, 0, "none"));
    for (int k : new int[] {1, 3, 5, 7, 10}) {
      System.out.printf("k=%d knn alone %d%n", k, knnAlone(rows, k));
      for (double beta : new double[] {0.5, 1, 2, 4, 8}) {
        System.out.printf(
            "k=%d beta=%.1f mult %d  pow %d%n",
            k, beta, count(rows, k, beta, "mult"), count(rows, k, beta, "pow"));
      }
    }
  }

  private static int knnAlone(List<Row> rows, int k) {
    int right = 0;
    for (Row r : rows) {
      Map<String, Double> votes = votes(rows, r, k);
      String best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
      right += best.equals(r.hand()) ? 1 : 0;
    }
    return right;
  }

  private static int count(List<Row> rows, int k, double beta, String how) {
    int right = 0;
    for (Row r : rows) {
      Map<String, Double> votes = k == 0 ? Map.of() : votes(rows, r, k);
      Map<String, Double> weight = new LinkedHashMap<>();
      for (String concept : r.raw().keySet()) {
        double share = votes.getOrDefault(concept, 0.0);
        weight.put(
            concept,
            switch (how) {
              case "mult" -> 1 + beta * share;
              case "pow" -> Math.pow(0.1 + share, beta / 4);
              default -> 1.0;
            });
      }
      right += r.hand().equals(DevScores.best(r.raw(), weight)) ? 1 : 0;
    }
    return right;
  }

  /** Similarity-weighted vote shares of the k nearest rows of other articles. */
  private static Map<String, Double> votes(List<Row> rows, Row of, int k) {
    List<double[]> sims = new ArrayList<>();
    List<Row> others = rows.stream().filter(o -> !o.article().equals(of.article())).toList();
    for (int i = 0; i < others.size(); i++) {
      sims.add(new double[] {dot(of.image(), others.get(i).image()), i});
    }
    sims.sort((a, b) -> Double.compare(b[0], a[0]));
    Map<String, Double> v = new LinkedHashMap<>();
    double sum = 0;
    for (int i = 0; i < Math.min(k, sims.size()); i++) {
      Row o = others.get((int) sims.get(i)[1]);
      v.merge(o.hand(), sims.get(i)[0], Double::sum);
      sum += sims.get(i)[0];
    }
    double total = sum;
    v.replaceAll((c, x) -> x / total);
    return v;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
