package org.figstream.connectors.feed.fetch;

import org.figstream.records.DeadLetter;

/** What fetching one article version ends in: its bytes, or a dead letter saying why not. */
public sealed interface FetchOutcome permits FetchedArticle, FetchOutcome.Failed {

  /** The version could not be fetched; the dead letter says why. */
  record Failed(DeadLetter deadLetter) implements FetchOutcome {}

  static FetchOutcome failed(DeadLetter deadLetter) {
    return new Failed(deadLetter);
  }
}
