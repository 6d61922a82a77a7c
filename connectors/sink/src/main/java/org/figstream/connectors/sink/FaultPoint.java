package org.figstream.connectors.sink;

/**
 * The steps of a commit and of a compaction where a crash leaves the dataset in a different state.
 * Tests make the sink throw at each one and check that a restart ends with exactly the expected
 * rows.
 */
public enum FaultPoint {
  /** Shards closed and synced under their temporary names; the manifest does not list them yet. */
  SHARDS_WRITTEN,
  /** The manifest lists the new shards; they still have their temporary names. */
  MANIFEST_WRITTEN,
  /** Compaction's new shards written; the manifest still lists the old ones. */
  COMPACTION_WRITTEN,
  /** The manifest lists compaction's new shards; the old ones are still on disk. */
  COMPACTION_MANIFEST_WRITTEN;

  /** Called at each point; the default does nothing. */
  public interface Hook {
    Hook NONE = point -> {};

    void at(FaultPoint point) throws java.io.IOException;
  }
}
