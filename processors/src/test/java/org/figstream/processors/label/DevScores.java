package org.figstream.processors.label;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.records.ConceptLabels;

/**
 * The development set's figures as the default labeller sees them (sentences where its gate wants
 * them), each with the raw labeller's score for every global concept: what the measurements of
 * priors on those scores start from.
 */
final class DevScores {
  record Row(String pairId, String article, String hand, Map<String, Float> raw) {}

  private DevScores() {}

  static List<Row> read(TextEncoder text, TextDetector detector) throws IOException {
    ConceptLabeller labeller = Labellers.create(LabelSettings.defaults(), null, text);
    ConceptLabeller raw = LabelEvaluation.raw(text);
    List<Row> rows = new ArrayList<>();
    for (HandLabels.Label want : HandLabels.split(HandLabels.DEV).values()) {
      LabelledFigures.Figure f = LabelledFigures.get(want.pairId());
      LabelInput in = FigureInputs.gated(FigureInputs.input(f, text, detector, null), labeller);
      ConceptLabels all = raw.label(in);
      Map<String, Float> scores = new LinkedHashMap<>();
      if (all != null) {
        all.global().forEach(s -> scores.put(s.concept(), s.score()));
      }
      rows.add(new Row(want.pairId(), f.record().articleKey(), want.global(), scores));
    }
    return rows;
  }

  /** The concept whose score times its weight (1 where none is given) is largest; null if none. */
  static String best(Map<String, Float> raw, Map<String, Double> weight) {
    String best = null;
    double mass = -1;
    for (Map.Entry<String, Float> e : raw.entrySet()) {
      double m = e.getValue() * weight.getOrDefault(e.getKey(), 1.0);
      if (m > mass) {
        mass = m;
        best = e.getKey();
      }
    }
    return best;
  }
}
