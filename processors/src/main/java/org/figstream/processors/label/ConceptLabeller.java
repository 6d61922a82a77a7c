package org.figstream.processors.label;

import org.figstream.records.ConceptLabels;

/** Labels one figure from what the encoders made of it. */
public interface ConceptLabeller {
  /** The labels, or null when there is nothing to label from (no caption and no usable image). */
  ConceptLabels label(LabelInput figure);

  /** Whether {@link LabelInput#sentenceEmbeddings} are used, so callers can skip computing them. */
  default boolean usesSentences() {
    return false;
  }

  /** Whether {@link LabelInput#drawnProbability} is used, so callers can skip measuring it. */
  default boolean usesPixelPrior() {
    return false;
  }

  /** Whether {@link LabelInput#text} is used, so callers can skip detecting text. */
  default boolean usesTextEvidence() {
    return false;
  }
}
