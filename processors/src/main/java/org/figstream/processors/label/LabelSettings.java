package org.figstream.processors.label;

import java.nio.file.Path;

/**
 * How figures are labelled.
 *
 * @param mode {@code zero-shot} (default), {@code biomedica-clusters} or {@code none}
 * @param descriptions a concept-descriptions file replacing the built-in one; null for the built-in
 * @param clusters the folder of BIOMEDICA cluster parameters, for {@code biomedica-clusters}
 * @param topK how many global and local concepts each figure keeps ({@code Ambiguous} aside)
 * @param ambiguousBelow zero-shot: the calibrated top score under which a figure is answered {@code
 *     Ambiguous}; 0 never answers it
 */
public record LabelSettings(
    String mode, Path descriptions, Path clusters, int topK, double ambiguousBelow) {
  public static final String NONE = "none";

  /**
   * The longer side, in pixels, at which the text detector looks at an image for {@link
   * TextEvidence} when nothing reads the text. 480 until 2026-12-04 (40 ms a figure on one core
   * here, against 74-91 at 640 and 154-160 at 960); at 320 the development set's labels were the
   * same (68/76/72 of 84 right, 75 answered) and the detection costs about half, which the labels'
   * share of the pipeline's rate needed. 320 until 2026-12-06: at 256 the development set's labels
   * were again the same (69/75/72, 78 answered against 77; 224 lost one) and the detection took 10
   * ms a figure against 14-19. With OCR on the detection serves the recogniser too and runs at its
   * side ({@code TextRecognizer.READING_SIDE}).
   */
  public static final int TEXT_DETECTION_SIDE = 256;

  public LabelSettings {
    if (!mode.equals(ZeroShotLabeller.METHOD)
        && !mode.equals(ClusterLabeller.METHOD)
        && !mode.equals(NONE)) {
      throw new IllegalArgumentException(
          "labels must be "
              + ZeroShotLabeller.METHOD
              + ", "
              + ClusterLabeller.METHOD
              + " or "
              + NONE
              + ", not "
              + mode);
    }
    if (mode.equals(ClusterLabeller.METHOD) && clusters == null) {
      throw new IllegalArgumentException(
          ClusterLabeller.METHOD + " needs the folder of cluster parameters");
    }
    if (topK < 1) {
      throw new IllegalArgumentException("top-k must be at least 1");
    }
    calibration(ambiguousBelow); // checks its range
  }

  public static LabelSettings defaults() {
    return new LabelSettings(ZeroShotLabeller.METHOD, null, null, 3, Calibration.AMBIGUOUS_BELOW);
  }

  /** The zero-shot labeller's calibration: the fitted sharpness and this threshold. */
  public Calibration calibration() {
    return calibration(ambiguousBelow);
  }

  private static Calibration calibration(double ambiguousBelow) {
    return new Calibration(Calibration.SHARPNESS, ambiguousBelow);
  }
}
