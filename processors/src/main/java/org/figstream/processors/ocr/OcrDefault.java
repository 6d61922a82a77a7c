package org.figstream.processors.ocr;

import org.figstream.processors.embed.Accelerator;

/**
 * Whether figures are read (in-figure text as a dataset field) when the user did not say. Reading
 * every detected line costs about 25 times the detection the labeller already runs (954 against 39
 * ms a figure on one CPU core, docs/embeddings-and-labels.md), over three times the CPU time a
 * whole figure takes without it, so it is off on the CPU; where a GPU runs the networks it is on.
 */
public final class OcrDefault {
  private OcrDefault() {}

  /**
   * @param asked {@code --ocr} or {@code --no-ocr}; null when neither was given
   * @param accelerator where the models run
   */
  public static boolean enabled(Boolean asked, Accelerator accelerator) {
    return asked != null ? asked : !accelerator.device().equals("cpu");
  }
}
