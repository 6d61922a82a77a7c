package org.figstream.connectors.feed.pubmed;

import java.util.Optional;
import org.figstream.connectors.feed.discovery.CursorStore;
import org.figstream.connectors.feed.discovery.FeedCursor;

/**
 * The last update file applied, kept in a feed {@link CursorStore} as the {@link
 * FeedCursor#inventory()} of a completed cursor, so that the follower speaks of file names and the
 * store's own cursor shape stays in one place.
 */
final class UpdateFileCursor {
  private final CursorStore store;

  /**
   * @throws IllegalArgumentException for a store that commits deliveries with the cursor: a
   *     delivery here is final once its sink completes
   */
  UpdateFileCursor(CursorStore store) {
    if (store.commitsDeliveries()) {
      throw new IllegalArgumentException(
          "the update-file follower needs a cursor store whose deliveries are final on"
              + " acknowledgement, not one that commits them with the cursor");
    }
    this.store = store;
  }

  /** The last file applied, or empty before the first. */
  Optional<String> lastApplied() {
    return store.load().map(FeedCursor::inventory);
  }

  /** Records {@code file} as the last applied: the next poll starts after it. */
  void moveTo(String file) {
    store.save(new FeedCursor(file, 0, 0, true, false));
  }
}
