package org.figstream.connectors.feed.fetch;

import org.figstream.records.Announcement;
import org.figstream.records.DeadLetter;

/**
 * What fetching one article version ends in: its bytes, a dead letter saying why not, or the news
 * that the version has left the bucket since it was announced.
 */
public sealed interface FetchOutcome
    permits FetchedArticle, FetchOutcome.Failed, FetchOutcome.Gone {

  /**
   * The version could not be fetched; the dead letter says why. {@code sourceUnavailable}: the
   * source was down (5xx, 429, timeouts, resets) past the retries, so a pipeline should fetch it
   * again later rather than give it up.
   */
  record Failed(DeadLetter deadLetter, boolean sourceUnavailable) implements FetchOutcome {}

  /**
   * A file of the version answered 404 and so did its metadata object when rechecked: the version
   * was removed from the bucket after it was announced. Not a dead letter: the next inventory no
   * longer lists it, and the feed announces its removal then.
   */
  record Gone(Announcement announcement, String message) implements FetchOutcome {}

  static FetchOutcome failed(DeadLetter deadLetter) {
    return new Failed(deadLetter, false);
  }
}
