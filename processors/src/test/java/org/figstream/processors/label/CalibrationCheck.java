package org.figstream.processors.label;

import java.util.List;
import org.figstream.records.ConceptScore;

/**
 * How well the top score says how often the top concept is right, on hand-labelled figures: the log
 * loss of "the top concept is the hand label" under the top score, the expected calibration error
 * of the top score (10 equal bins), and the sharpness that minimises that log loss (what {@link
 * Calibration#SHARPNESS} was fitted with, on the development set). The top score is what a user
 * filters on and what {@code Ambiguous} is decided by, so it is what is fitted.
 */
final class CalibrationCheck {
  /** A figure's raw scores for every candidate, and its hand label. */
  record Scored(List<ConceptScore> raw, String hand) {}

  static final double STEP = 0.05;
  private static final double FLOOR = 1e-6;

  private CalibrationCheck() {}

  /** The sharpness, on a grid of {@link #STEP} from STEP to 10, with the smallest mean loss. */
  static double fit(List<Scored> figures) {
    double best = STEP;
    double least = logLoss(figures, best);
    for (int i = 2; i <= 200; i++) {
      double s = i * STEP;
      double loss = logLoss(figures, s);
      if (loss < least) {
        best = s;
        least = loss;
      }
    }
    return Math.round(best / STEP) * STEP;
  }

  /**
   * The mean log loss of the top concept being right, with the top score (raw scores raised to
   * {@code sharpness}) as its probability.
   */
  static double logLoss(List<Scored> figures, double sharpness) {
    Calibration c = new Calibration(sharpness, 0);
    double loss = 0;
    for (Scored f : figures) {
      ConceptScore top = c.apply(f.raw()).get(0);
      double p = top.concept().equals(f.hand()) ? top.score() : 1 - top.score();
      loss -= Math.log(Math.max(FLOOR, p));
    }
    return loss / figures.size();
  }

  /**
   * The expected calibration error of the top score: |right share - mean score| by bin, weighted.
   */
  static double ece(List<Scored> figures, double sharpness) {
    Calibration c = new Calibration(sharpness, 0);
    int bins = 10;
    double[] score = new double[bins];
    int[] right = new int[bins];
    int[] count = new int[bins];
    for (Scored f : figures) {
      ConceptScore top = c.apply(f.raw()).get(0);
      int b = Math.min(bins - 1, (int) (top.score() * bins));
      score[b] += top.score();
      right[b] += top.concept().equals(f.hand()) ? 1 : 0;
      count[b]++;
    }
    double error = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        error += Math.abs(right[b] - score[b]) / figures.size();
      }
    }
    return error;
  }

  static String report(List<Scored> figures) {
    if (figures.isEmpty()) {
      return "calibration: no labelled figures\n";
    }
    return String.format(
        "calibration: top-1 log loss raw %.3f, calibrated (sharpness %.2f) %.3f; top-score ECE raw"
            + " %.3f, calibrated %.3f; the sharpness fitted on this set %.2f%n",
        logLoss(figures, 1),
        Calibration.SHARPNESS,
        logLoss(figures, Calibration.SHARPNESS),
        ece(figures, 1),
        ece(figures, Calibration.SHARPNESS),
        fit(figures));
  }
}
