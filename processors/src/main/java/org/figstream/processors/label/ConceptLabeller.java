package org.figstream.processors.label;

import org.figstream.records.ConceptLabels;

/** Labels one figure from what the encoders made of it. */
public interface ConceptLabeller {
  /** The labels, or null when there is nothing to label from (no caption and no usable image). */
  ConceptLabels label(LabelInput figure);

  /**
   * Whether the labels made without sentences ({@code fromCaption}, possibly null) should be made
   * again with them: callers label from the whole caption first and embed its sentences only when
   * this says so, since they cost about as much as the captions themselves. A labeller that does
   * not read {@link LabelInput#sentenceEmbeddings} never wants them.
   */
  default boolean wantsSentences(ConceptLabels fromCaption) {
    return false;
  }

  /** Whether {@link LabelInput#drawnProbability} is used, so callers can skip measuring it. */
  default boolean usesPixelPrior() {
    return false;
  }

  /** Whether {@link LabelInput#panels} is used, so callers can skip counting panels. */
  default boolean usesPanels() {
    return false;
  }

  /** Whether {@link LabelInput#text} is used, so callers can skip detecting text. */
  default boolean usesTextEvidence() {
    return false;
  }
}
