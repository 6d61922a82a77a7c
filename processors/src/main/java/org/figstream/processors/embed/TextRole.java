package org.figstream.processors.embed;

/**
 * What a text given to a {@link TextEncoder} is, so the encoder can put the descriptor's prefix for
 * it first: models such as e5 were trained with "query: " and "passage: " before their inputs and
 * embed a text differently with and without one.
 */
public enum TextRole {
  /** A figure's caption or one of its sentences: the vectors stored with the figure. */
  CAPTION,
  /** A concept description of the zero-shot labeller, compared with captions, never stored. */
  CONCEPT
}
