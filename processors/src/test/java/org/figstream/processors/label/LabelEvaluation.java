package org.figstream.processors.label;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextRecognizer;
import org.figstream.records.ConceptLabels;
import org.figstream.records.ConceptScore;
import org.figstream.records.Taxonomy;

/**
 * Labels a set of hand-labelled figures as the annotator would (caption and sentence vectors, the
 * pixel prior and the text found, both on the normaliser's raster) and compares: top-1, top-3,
 * panel type, the majority baseline and the confusion of global concepts.
 */
final class LabelEvaluation {
  /**
   * Top-1 and top-3 count the labeller's best guess and candidates, passing over an {@code
   * Ambiguous} answer; {@code answered} counts the figures not answered {@code Ambiguous} (nor left
   * without labels) and {@code answeredRight} those of them whose first label is the hand label.
   * {@code confusion}: hand concept -> predicted top-1 concept -> figures. {@code scored}: each
   * labelled figure's raw scores, for calibration.
   */
  record Result(
      int n,
      int top1,
      int top3,
      int panel,
      int majority,
      int answered,
      int answeredRight,
      Map<String, Map<String, Integer>> confusion,
      List<CalibrationCheck.Scored> scored,
      int sentencesEmbedded,
      int sentences,
      String rows) {

    String report(String title) {
      StringBuilder s = new StringBuilder(title).append('\n');
      s.append(String.format("global top-1 %d/%d = %.3f%n", top1, n, top1 / (double) n));
      s.append(String.format("global top-3 %d/%d = %.3f%n", top3, n, top3 / (double) n));
      s.append(String.format("panel type   %d/%d = %.3f%n", panel, n, panel / (double) n));
      s.append(
          String.format(
              "majority-class baseline %d/%d = %.3f%n", majority, n, majority / (double) n));
      s.append(
          String.format(
              "answered (not Ambiguous) %d/%d, of them right %d = %.3f%n",
              answered, n, answeredRight, answeredRight / (double) Math.max(1, answered)));
      s.append(CalibrationCheck.report(scored));
      s.append(
          String.format(
              "sentences embedded %d of %d (the rest left out by the labeller's gate)%n",
              sentencesEmbedded, sentences));
      TreeSet<String> predicted = new TreeSet<>();
      confusion.values().forEach(m -> predicted.addAll(m.keySet()));
      s.append("confusion (rows: hand label; columns: top-1 label):\n");
      s.append(String.format("  %-24s", ""));
      predicted.forEach(p -> s.append(String.format(" %6.6s", p)));
      s.append('\n');
      confusion.forEach(
          (hand, row) -> {
            s.append(String.format("  %-24.24s", hand));
            predicted.forEach(p -> s.append(String.format(" %6d", row.getOrDefault(p, 0))));
            s.append('\n');
          });
      s.append(PerConcept.report(confusion));
      return s.append("per figure (result, pair, hand, labels, panel hand/labels):\n")
          .append(rows)
          .toString();
    }
  }

  private static final Map<TextEncoder, ConceptLabeller> RAW = new IdentityHashMap<>();

  private LabelEvaluation() {}

  /**
   * The default zero-shot labeller's uncalibrated scores for every global concept, never {@code
   * Ambiguous}: what the calibration is measured and fitted on.
   */
  static synchronized ConceptLabeller raw(TextEncoder text) throws IOException {
    // built once per encoder: each build embeds every concept description again
    ConceptLabeller built = RAW.get(text);
    if (built == null) {
      built = buildRaw(text);
      RAW.put(text, built);
    }
    return built;
  }

  private static ConceptLabeller buildRaw(TextEncoder text) throws IOException {
    Taxonomy taxonomy = Taxonomy.biomedica();
    return new ZeroShotLabeller(
        taxonomy,
        ConceptDescriptions.builtin(taxonomy),
        text,
        null,
        taxonomy.globalToLocals().size(),
        Calibration.NONE);
  }

  /** Labels {@code hand} with {@code labeller}, and with the {@link #raw} one for calibration. */
  static Result run(
      Map<String, HandLabels.Label> hand,
      ConceptLabeller labeller,
      TextEncoder text,
      TextDetector detector)
      throws IOException {
    return run(hand, labeller, raw(text), text, detector, null);
  }

  /** As {@link #run}, with the lines {@code reader} reads in each image given to the labeller. */
  static Result withOcr(
      Map<String, HandLabels.Label> hand,
      ConceptLabeller labeller,
      TextEncoder text,
      TextDetector detector,
      TextRecognizer reader)
      throws IOException {
    return run(hand, labeller, raw(text), text, detector, reader);
  }

  private static Result run(
      Map<String, HandLabels.Label> hand,
      ConceptLabeller labeller,
      ConceptLabeller raw,
      TextEncoder text,
      TextDetector detector,
      TextRecognizer reader)
      throws IOException {
    int top1 = 0;
    int top3 = 0;
    int panel = 0;
    int answered = 0;
    int answeredRight = 0;
    List<CalibrationCheck.Scored> scored = new ArrayList<>();
    Map<String, Integer> handCounts = new TreeMap<>();
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    StringBuilder rows = new StringBuilder();
    int sentencesEmbedded = 0;
    int sentences = 0;
    for (HandLabels.Label want : hand.values()) {
      LabelledFigures.Figure figure = LabelledFigures.get(want.pairId());
      LabelInput every = FigureInputs.input(figure, text, detector, reader);
      LabelInput in = FigureInputs.gated(every, labeller);
      sentences += every.sentenceEmbeddings().size();
      sentencesEmbedded += in.sentenceEmbeddings().size();
      ConceptLabels got = labeller.label(in);
      ConceptLabels all = raw.label(in);
      if (all != null) {
        scored.add(new CalibrationCheck.Scored(all.global(), want.global()));
      }
      // as the annotator: a figure without caption text gets no labels, which counts as wrong
      List<String> globals =
          got == null
              ? List.of()
              : got.global().stream()
                  .map(ConceptScore::concept)
                  .filter(c -> !c.equals(Taxonomy.AMBIGUOUS))
                  .toList();
      String first = globals.isEmpty() ? "(no labels)" : globals.get(0);
      if (got != null && !got.global().get(0).concept().equals(Taxonomy.AMBIGUOUS)) {
        answered++;
        answeredRight += first.equals(want.global()) ? 1 : 0;
      }
      String panelType = got == null ? "(none)" : got.panelType();
      boolean hit = first.equals(want.global());
      boolean inTop3 = globals.contains(want.global());
      top1 += hit ? 1 : 0;
      top3 += inTop3 ? 1 : 0;
      panel += panelType.equals(want.panelType()) ? 1 : 0;
      handCounts.merge(want.global(), 1, Integer::sum);
      confusion.computeIfAbsent(want.global(), k -> new TreeMap<>()).merge(first, 1, Integer::sum);
      rows.append(
          String.format(
              "%s\t%s\t%s\t%s\t%s/%s%n",
              hit ? "ok" : (inTop3 ? "top3" : "miss"),
              want.pairId(),
              want.global(),
              got == null ? List.of() : scores(got.global()),
              want.panelType(),
              panelType));
    }
    int majority = handCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return new Result(
        hand.size(),
        top1,
        top3,
        panel,
        majority,
        answered,
        answeredRight,
        confusion,
        scored,
        sentencesEmbedded,
        sentences,
        rows.toString());
  }

  private static List<String> scores(List<ConceptScore> global) {
    return global.stream()
        .map(c -> String.format(java.util.Locale.ROOT, "%s %.2f", c.concept(), c.score()))
        .toList();
  }
}
