package org.figstream.connectors.feed.discovery;

/**
 * How far the feed got: the inventory being processed, the part and the rows of it done, and
 * whether the whole inventory (removals included) is done.
 *
 * @param quiet this pass records the inventory without announcing (a first start "from now"); kept
 *     in the cursor so that a restart in the middle of it stays quiet
 */
public record FeedCursor(String inventory, int part, long rows, boolean complete, boolean quiet) {

  static FeedCursor start(String inventory, boolean quiet) {
    return new FeedCursor(inventory, 0, 0, false, quiet);
  }

  FeedCursor at(int part, long rows) {
    return new FeedCursor(inventory, part, rows, false, quiet);
  }

  FeedCursor completed() {
    return new FeedCursor(inventory, part, rows, true, quiet);
  }
}
