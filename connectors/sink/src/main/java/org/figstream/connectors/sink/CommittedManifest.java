package org.figstream.connectors.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.figstream.connectors.sink.manifest.ConcurrentWriterException;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.shard.OpenShard;

/**
 * The manifest the sink last read or wrote, and the commit that replaces it: shards are finished
 * (closed, synced) and listed in the next manifest with the offsets now covered, the manifest is
 * written, and only then are the shards renamed into place.
 */
final class CommittedManifest {
  private final DatasetFiles files;
  private final FaultPoint.Hook faults;
  private final LongConsumer commits;
  private Manifest manifest;

  CommittedManifest(
      DatasetFiles files, FaultPoint.Hook faults, LongConsumer commits, Manifest manifest) {
    this.files = files;
    this.faults = faults;
    this.commits = commits;
    this.manifest = manifest;
  }

  Manifest current() {
    return manifest;
  }

  /** Takes the manifest a compaction published. */
  void replace(Manifest compacted) {
    manifest = compacted;
  }

  /** The number of a file that is not committed yet; it is never given out again. */
  long takeFileNumber() {
    long number = manifest.nextFile();
    manifest = manifest.takeFileNumber();
    return number;
  }

  /**
   * Commits the shards {@code open} has for {@code streams}, taking them out of it, with the
   * positions of everything {@code consumed}; {@code commits} is told the nanoseconds of each
   * commit that published its manifest.
   */
  void commit(List<String> streams, Map<String, OpenShard> open, ConsumedOffsets consumed)
      throws IOException {
    long started = System.nanoTime();
    Manifest.Builder next = manifest.toBuilder();
    Map<String, OpenShard> committing = new LinkedHashMap<>();
    for (String stream : streams) {
      OpenShard shard = open.remove(stream);
      if (shard != null) {
        long bytes = shard.finish();
        next.add(
            new ShardEntry(shard.name(), stream, shard.rows(), bytes, Map.copyOf(shard.offsets())));
        committing.put(stream, shard);
      }
    }
    faults.at(FaultPoint.SHARDS_WRITTEN);
    // Every stream without an open shard has now stored all it consumed.
    consumed.storeIn(next, open.keySet());
    Manifest committed = next.build(System.currentTimeMillis());
    try {
      ManifestStore.write(files.root(), committed);
    } catch (ConcurrentWriterException e) {
      // the other writer's manifest stands: leave nothing a later settle would rename into it
      for (OpenShard shard : committing.values()) {
        Files.deleteIfExists(files.temporary(shard.name()));
      }
      throw e;
    }
    manifest = committed;
    faults.at(FaultPoint.MANIFEST_WRITTEN);
    for (OpenShard shard : committing.values()) {
      files.publish(shard.name());
    }
    DatasetCard.write(files, manifest);
    commits.accept(System.nanoTime() - started);
  }
}
