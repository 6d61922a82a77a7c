package org.figstream.connectors.feed.discovery;

import java.util.Optional;

/** Where the feed checkpoints its cursor: a file on one machine, a compacted topic with Kafka. */
public interface CursorStore {
  Optional<FeedCursor> load();

  void save(FeedCursor cursor);

  /**
   * Whether a {@link #save} commits the deliveries made since the previous one, atomically with the
   * cursor, so that a crash or a fencing drops them (a Kafka transaction). The feed then marks rows
   * in its index only once they are committed, so that the rows after the cursor are announced
   * again. False: a delivery is final once its sink completes.
   */
  default boolean commitsDeliveries() {
    return false;
  }
}
