package org.figstream.runtime;

/**
 * A feed pass ended in an error the bucket did not recover from within the pass (an inventory part
 * that answers 404, a manifest that is not JSON). The cursor stays at the last checkpoint, so a
 * later pass resumes there, or moves on to a newer inventory.
 */
public final class FeedPassFailedException extends Exception {
  FeedPassFailedException(Throwable cause) {
    super("the feed pass failed: " + cause.getMessage(), cause);
  }
}
