package org.figstream.connectors.feed.discovery;

/**
 * Another follower of the same feed took the feed's transactional id: this one must stop
 * announcing. What it sent since its last checkpoint was aborted; the other one resumes from that
 * checkpoint.
 */
public final class FeedFencedException extends IllegalStateException {
  public FeedFencedException(String message, Throwable cause) {
    super(message, cause);
  }
}
