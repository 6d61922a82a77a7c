package org.figstream.processors.ocr;

import java.util.List;

/**
 * Greedy CTC decoding of the recogniser's per-step character probabilities: the most likely class
 * at each step, repeats merged, blanks (class 0) dropped. Classes 1..n are the dictionary's lines
 * in order and the last class is a space, as PaddleOCR builds its character list.
 */
final class CtcDecoder {
  private final List<String> characters;

  CtcDecoder(List<String> dictionary) {
    this.characters = dictionary;
  }

  int classes() {
    return characters.size() + 2;
  }

  /**
   * The text and mean confidence of one sequence: {@code steps x classes()} from {@code offset}.
   */
  TextAndScore decode(float[] probabilities, int offset, int steps) {
    int classes = classes();
    StringBuilder text = new StringBuilder();
    double sum = 0;
    int kept = 0;
    int previous = 0;
    for (int t = 0; t < steps; t++) {
      int base = offset + t * classes;
      int best = 0;
      for (int k = 1; k < classes; k++) {
        if (probabilities[base + k] > probabilities[base + best]) {
          best = k;
        }
      }
      if (best != 0 && best != previous) {
        text.append(best == classes - 1 ? " " : characters.get(best - 1));
        sum += probabilities[base + best];
        kept++;
      }
      previous = best;
    }
    return new TextAndScore(text.toString().strip(), kept == 0 ? 0f : (float) (sum / kept));
  }

  record TextAndScore(String text, float score) {}
}
