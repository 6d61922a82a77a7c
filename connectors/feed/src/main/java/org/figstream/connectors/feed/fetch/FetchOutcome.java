package org.figstream.connectors.feed.fetch;

import org.figstream.records.DeadLetter;

/** What fetching one article version ends in: its bytes, or a dead letter saying why not. */
public sealed interface FetchOutcome permits FetchedArticle, FetchOutcome.Failed {

  /**
   * The version could not be fetched; the dead letter says why. {@code sourceUnavailable}: the
   * source was down (5xx, 429, timeouts, resets) past the retries, so a pipeline should fetch it
   * again later rather than give it up.
   */
  record Failed(DeadLetter deadLetter, boolean sourceUnavailable) implements FetchOutcome {}

  static FetchOutcome failed(DeadLetter deadLetter) {
    return new Failed(deadLetter, false);
  }
}
