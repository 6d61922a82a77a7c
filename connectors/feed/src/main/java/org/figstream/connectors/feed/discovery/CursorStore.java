package org.figstream.connectors.feed.discovery;

import java.util.Optional;

/** Where the feed checkpoints its cursor: a file on one machine, a compacted topic with Kafka. */
public interface CursorStore {
  Optional<FeedCursor> load();

  void save(FeedCursor cursor);
}
