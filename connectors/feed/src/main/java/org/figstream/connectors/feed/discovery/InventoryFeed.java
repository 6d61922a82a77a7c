package org.figstream.connectors.feed.discovery;

import java.nio.file.Path;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.state.FeedIndex;
import reactor.core.publisher.Mono;

/**
 * Compares the bucket's newest daily inventory with what the feed has seen ({@link FeedIndex}) and
 * announces every new or changed version and every removal, resuming from its checkpointed cursor.
 */
public final class InventoryFeed {
  private final BucketClient bucket;
  private final FeedIndex index;
  private final CursorStore cursors;
  private final FeedSettings settings;
  private final Path workDir;

  /**
   * @param workDir where inventory parts are downloaded (inside the data directory)
   */
  public InventoryFeed(
      BucketClient bucket,
      FeedIndex index,
      CursorStore cursors,
      FeedSettings settings,
      Path workDir) {
    this.bucket = bucket;
    this.index = index;
    this.cursors = cursors;
    this.settings = settings;
    this.workDir = workDir;
  }

  /** One pass: process the newest inventory, or do nothing if it was done already. */
  public Mono<FeedRun> runOnce(FeedSinks sinks) {
    return bucket
        .newestInventory()
        .flatMap(
            id -> {
              FeedCursor cursor = cursors.load().orElse(null);
              if (cursor != null && cursor.inventory().equals(id) && cursor.complete()) {
                return Mono.just(new FeedRun(id, true, 0, 0, 0, 0, 0, 0));
              }
              FeedCursor from =
                  cursor != null && cursor.inventory().equals(id)
                      ? cursor
                      : FeedCursor.start(
                          id,
                          cursor == null
                              && index.isEmpty()
                              && settings.startPolicy() == StartPolicy.FROM_NOW);
              return bucket
                  .manifest(id)
                  .flatMap(
                      m ->
                          new InventoryPass(
                                  bucket, index, cursors, settings, workDir, id, m, from, sinks)
                              .run());
            })
        .defaultIfEmpty(new FeedRun(null, true, 0, 0, 0, 0, 0, 0));
  }
}
