package org.figstream.connectors.sink;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.figstream.connectors.sink.manifest.ConcurrentWriterException;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.shard.OpenShard;

/**
 * The sink's open shards, one per stream, and when they are committed: when big or full ({@link
 * #write}), old enough ({@link #rollDue}) or asked to ({@link #commitAll}). {@link
 * CommittedManifest} does the commit.
 */
final class OpenShards {
  private final SinkSettings settings;
  private final DatasetFiles files;
  private final CommittedManifest manifest;
  private final Map<String, OpenShard> open = new LinkedHashMap<>();
  private final ConsumedOffsets consumed = new ConsumedOffsets();

  OpenShards(SinkSettings settings, DatasetFiles files, CommittedManifest manifest) {
    this.settings = settings;
    this.files = files;
    this.manifest = manifest;
  }

  /** Notes a record consumed from {@code table}, written or not. */
  void consumed(String table, String topicPartition, long offset) {
    consumed.seen(table, topicPartition, offset);
  }

  /**
   * Whether {@code stream} already has the record: committed, or in its open shard (a consumer that
   * seeks back after a rebalance delivers records again).
   */
  boolean held(String stream, String tp, long offset) {
    if (offset < manifest.current().position(stream, tp)) {
      return true;
    }
    OpenShard shard = open.get(stream);
    long[] range = shard == null ? null : shard.offsets().get(tp);
    return range != null && offset <= range[1];
  }

  /** Writes a row to its stream's open shard, and commits the shard once it is big or full. */
  void write(String stream, GenericRecord row, String tp, long offset) throws IOException {
    OpenShard shard = open.get(stream);
    if (shard == null) {
      shard = openShard(stream);
    }
    shard.write(row, tp, offset);
    if (shard.rows() >= settings.maxShardRows() || shard.size() >= settings.maxShardBytes()) {
      commit(List.of(stream));
    }
  }

  /** Commits every open shard that has been open longer than the age limit; returns how many. */
  int rollDue(long now) throws IOException {
    List<String> due =
        open.entrySet().stream()
            .filter(e -> now - e.getValue().openedAt() >= settings.maxShardAge().toMillis())
            .map(Map.Entry::getKey)
            .toList();
    if (!due.isEmpty()) {
      commit(due);
    }
    return due.size();
  }

  /** Commits everything written so far, and the positions of everything consumed. */
  void commitAll() throws IOException {
    commit(List.copyOf(open.keySet()));
  }

  /**
   * Commits an empty delete file for a table that has none, so a reader's delete glob always
   * matches.
   */
  void ensureDeleteFiles() throws IOException {
    List<String> missing =
        DatasetLayout.TABLES.stream()
            .map(DatasetLayout::deletes)
            .filter(
                stream ->
                    manifest.current().files().stream().noneMatch(f -> f.stream().equals(stream)))
            .toList();
    for (String stream : missing) {
      openShard(stream);
    }
    if (!missing.isEmpty()) {
      commit(missing);
    }
  }

  /** Abandons the shards not committed yet; a restart reads their records again. */
  void abandon() {
    open.values().forEach(OpenShard::abandon);
    open.clear();
  }

  private void commit(List<String> streams) throws IOException {
    manifest.commit(streams, open, consumed);
  }

  private OpenShard openShard(String stream) throws IOException {
    long number = manifest.takeFileNumber();
    String name = DatasetFiles.name(stream, number, ".parquet");
    Files.createDirectories(files.path(name).getParent());
    OpenShard shard;
    try {
      shard =
          new OpenShard(
              name,
              files.temporary(name),
              Routing.rowSchema(stream),
              settings.rowGroupBytes(),
              Routing.metadata(stream),
              System.currentTimeMillis());
    } catch (FileAlreadyExistsException e) {
      throw new ConcurrentWriterException(
          "the dataset at "
              + files.root()
              + " has two writers: another one is writing "
              + files.temporary(name)
              + ", the file this one was to write");
    }
    open.put(stream, shard);
    return shard;
  }
}
