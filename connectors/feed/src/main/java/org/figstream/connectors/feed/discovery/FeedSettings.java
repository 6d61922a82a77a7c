package org.figstream.connectors.feed.discovery;

/**
 * @param keepManuscripts announce versions that are not in the OA subset (author manuscripts) too
 * @param metadataConcurrency metadata objects fetched at once
 * @param checkpointEvery rows between cursor checkpoints (the index makes re-read rows harmless)
 */
public record FeedSettings(
    StartPolicy startPolicy,
    boolean keepManuscripts,
    int metadataConcurrency,
    int checkpointEvery) {

  public static FeedSettings defaults() {
    return new FeedSettings(StartPolicy.FROM_NOW, false, 8, 1000);
  }

  public FeedSettings withStartPolicy(StartPolicy policy) {
    return new FeedSettings(policy, keepManuscripts, metadataConcurrency, checkpointEvery);
  }

  public FeedSettings withCheckpointEvery(int rows) {
    return new FeedSettings(startPolicy, keepManuscripts, metadataConcurrency, rows);
  }

  public FeedSettings withKeepManuscripts(boolean keep) {
    return new FeedSettings(startPolicy, keep, metadataConcurrency, checkpointEvery);
  }
}
