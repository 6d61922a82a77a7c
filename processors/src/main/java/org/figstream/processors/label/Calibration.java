package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.figstream.records.ConceptScore;
import org.figstream.records.Taxonomy;

/**
 * Makes the zero-shot global scores say how often the top concept is right, and answers {@code
 * Ambiguous} where it is not sure. The labeller's weighted softmax ranks well but its scores are
 * not probabilities: e5's cosines crowd together, so a right answer may score 0.2. Each score p is
 * raised to {@link #SHARPNESS} and the scores renormalised (temperature scaling on the log scores),
 * which keeps the order; the exponent is the one whose top score best predicts, on the development
 * set's hand labels, whether the top concept is right (docs/embeddings-and-labels.md, "Calibrated
 * scores"). A figure whose calibrated top score is below {@code ambiguousBelow} is answered {@code
 * Ambiguous} first, with the probability that the top concept is wrong (1 - top) as its score, and
 * keeps its ranked candidates after it, so a user can filter on either.
 *
 * @param sharpness the exponent on the raw scores; 1 leaves them as they are
 * @param ambiguousBelow the calibrated top score under which the answer is {@code Ambiguous}; 0
 *     never answers it
 */
public record Calibration(double sharpness, double ambiguousBelow) {
  /**
   * Fitted on the development set (99 figures): the exponent, on a grid of 0.05, with the smallest
   * log loss of "the top concept is right" (LabelQualityTest checks the fit). 6.85 on 2026-12-04
   * with every sentence scored; 6.65 from 2026-12-05, once sentences were scored only where the
   * caption leaves the concept open ({@link ZeroShotLabeller#SENTENCES_BELOW}); 6.40 from
   * 2026-12-06 (6.50 first, then 6.40: the gate reads calibrated scores, so the fit moves with it),
   * refitted when the fifth batch of hand labels grew the set from 84 figures.
   */
  public static final double SHARPNESS = 6.40;

  /**
   * Below one half the top concept is more likely wrong than right. Chosen as a rule, before the
   * test set was measured with it, not tuned.
   */
  public static final double AMBIGUOUS_BELOW = 0.5;

  public static final Calibration DEFAULT = new Calibration(SHARPNESS, AMBIGUOUS_BELOW);

  /** The labeller's own scores, never {@code Ambiguous}. */
  public static final Calibration NONE = new Calibration(1, 0);

  public Calibration {
    if (!(sharpness > 0)) {
      throw new IllegalArgumentException("sharpness must be above 0, not " + sharpness);
    }
    if (!(ambiguousBelow >= 0 && ambiguousBelow <= 1)) {
      throw new IllegalArgumentException(
          "the ambiguity threshold must be in [0, 1], not " + ambiguousBelow);
    }
  }

  /**
   * Every candidate's calibrated score, best first, with {@code Ambiguous} in front when the top
   * one is under the threshold.
   *
   * @param raw every candidate's raw score (summing to 1), in any order
   */
  List<ConceptScore> apply(List<ConceptScore> raw) {
    double sum = 0;
    for (ConceptScore s : raw) {
      sum += Math.pow(s.score(), sharpness);
    }
    List<ConceptScore> calibrated = new ArrayList<>();
    for (ConceptScore s : raw) {
      calibrated.add(new ConceptScore(s.concept(), (float) (Math.pow(s.score(), sharpness) / sum)));
    }
    calibrated.sort(Comparator.comparingDouble(ConceptScore::score).reversed());
    if (!calibrated.isEmpty() && calibrated.get(0).score() < ambiguousBelow) {
      calibrated.add(0, new ConceptScore(Taxonomy.AMBIGUOUS, 1 - calibrated.get(0).score()));
    }
    return calibrated;
  }

  /** The first concept that is not {@code Ambiguous}: the labeller's best guess. */
  public static ConceptScore bestGuess(List<ConceptScore> global) {
    return global.stream()
        .filter(s -> !s.concept().equals(Taxonomy.AMBIGUOUS))
        .findFirst()
        .orElse(null);
  }
}
