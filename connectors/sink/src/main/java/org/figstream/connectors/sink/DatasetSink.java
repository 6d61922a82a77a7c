package org.figstream.connectors.sink;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.figstream.connectors.sink.manifest.ConcurrentWriterException;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.manifest.WriterLock;
import org.figstream.connectors.sink.rows.ArticleRows;
import org.figstream.connectors.sink.rows.DeleteRows;
import org.figstream.connectors.sink.rows.FigureRows;
import org.figstream.connectors.sink.shard.OpenShard;
import org.figstream.records.codec.RecordSchemas;

/**
 * Keeps a dataset directory equal to the {@code figures} and {@code articles} topics: rows go to
 * one open Parquet shard per table and subset, tombstones to one open delete file per table; a
 * shard is committed (closed, synced, listed in the manifest with the offsets now covered, renamed)
 * when it is big, full or old enough. Whoever feeds it records seeks each partition to {@link
 * #resumeOffset} first; records below a stream's committed position are skipped, so a restart
 * writes nothing twice. Not thread-safe: one consumer thread drives it.
 *
 * <p>A dataset has one writer: the sink holds the folder's {@link WriterLock} from open to close,
 * and every manifest it publishes must follow the one it last read or wrote ({@link
 * ManifestStore#write}); a sink that finds another writer fails with a {@link
 * ConcurrentWriterException} and publishes nothing.
 */
public final class DatasetSink implements Closeable {
  private final SinkSettings settings;
  private final DatasetFiles files;
  private final FaultPoint.Hook faults;
  private final Routing routing;
  private final BiConsumer<TopicRecord, String> rejected;
  private final BinaryMessageDecoder<GenericRecord> figures =
      RecordSchemas.genericDecoder(RecordSchemas.FIGURE);
  private final BinaryMessageDecoder<GenericRecord> articles =
      RecordSchemas.genericDecoder(RecordSchemas.ARTICLE);
  private final Map<String, OpenShard> open = new LinkedHashMap<>();
  private final WriterLock lock;
  private final LongConsumer commits;

  /** Next offset after the last record seen, by table and topic-partition. */
  private final Map<String, Map<String, Long>> consumed = new HashMap<>();

  private Manifest manifest;

  private DatasetSink(
      SinkSettings settings,
      FaultPoint.Hook faults,
      BiConsumer<TopicRecord, String> rejected,
      Manifest manifest,
      WriterLock lock,
      LongConsumer commits) {
    this.settings = settings;
    this.lock = lock;
    this.commits = commits;
    this.files = new DatasetFiles(settings.dataset());
    this.faults = faults;
    this.routing = new Routing(settings);
    this.rejected = rejected;
    this.manifest = manifest;
  }

  /**
   * Opens (or creates) the dataset and settles what a crash left behind.
   *
   * @param rejected told of every record that cannot be decoded (or is a tombstone without a key),
   *     with the reason; it is not written
   */
  public static DatasetSink open(
      SinkSettings settings, FaultPoint.Hook faults, BiConsumer<TopicRecord, String> rejected)
      throws IOException {
    return openTimingCommits(settings, faults, rejected, nanos -> {});
  }

  /**
   * As {@link #open(SinkSettings, FaultPoint.Hook, BiConsumer)}, telling {@code commits} the
   * nanoseconds of each commit that published its manifest (shards finished, manifest written,
   * shards renamed into place).
   */
  public static DatasetSink openTimingCommits(
      SinkSettings settings,
      FaultPoint.Hook faults,
      BiConsumer<TopicRecord, String> rejected,
      LongConsumer commits)
      throws IOException {
    Files.createDirectories(settings.dataset());
    WriterLock lock = WriterLock.acquire(settings.dataset());
    try {
      ManifestStore.clearClaims(settings.dataset());
      return open(settings, faults, rejected, lock, commits);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Opens the dataset without its lock ({@code lock} null): how a second machine sees a folder on
   * shared storage whose lock does not reach it. For tests of the manifest's own guard.
   */
  static DatasetSink open(
      SinkSettings settings,
      FaultPoint.Hook faults,
      BiConsumer<TopicRecord, String> rejected,
      WriterLock lock)
      throws IOException {
    return open(settings, faults, rejected, lock, nanos -> {});
  }

  private static DatasetSink open(
      SinkSettings settings,
      FaultPoint.Hook faults,
      BiConsumer<TopicRecord, String> rejected,
      WriterLock lock,
      LongConsumer commits)
      throws IOException {
    Files.createDirectories(settings.dataset());
    Manifest manifest = ManifestStore.read(settings.dataset());
    DatasetFiles files = new DatasetFiles(settings.dataset());
    files.settle(manifest);
    // a crash between an export's rename and the pointer's replacement left the pointer behind
    files.pointAtTars(manifest);
    DatasetSink sink = new DatasetSink(settings, faults, rejected, manifest, lock, commits);
    sink.ensureDeleteFiles();
    DatasetCard.write(sink.files, sink.manifest);
    return sink;
  }

  public Manifest manifest() {
    return manifest;
  }

  public SinkSettings settings() {
    return settings;
  }

  /**
   * Where to start reading each partition seen so far: the lowest position any of its table's
   * streams has.
   */
  public long resumeOffset(String topic, int partition) {
    String table = routing.table(topic);
    String tp = topic + "-" + partition;
    long min = Long.MAX_VALUE;
    for (String stream : Routing.streamsOf(table)) {
      min = Math.min(min, manifest.position(stream, tp));
    }
    return min;
  }

  public void write(List<TopicRecord> records) throws IOException {
    for (TopicRecord r : records) {
      write(r);
    }
  }

  public void write(TopicRecord r) throws IOException {
    String table = routing.table(r.topic());
    String tp = r.topicPartition();
    consumed.computeIfAbsent(table, t -> new HashMap<>()).merge(tp, r.offset() + 1, Math::max);
    GenericRecord row;
    String stream;
    if (r.tombstone()) {
      if (r.key() == null) {
        rejected.accept(r, "a tombstone without a key deletes nothing");
        return;
      }
      stream = DatasetLayout.deletes(table);
      if (held(stream, tp, r.offset())) {
        return;
      }
      row = DeleteRows.row(r);
    } else {
      GenericRecord value;
      try {
        value = (table.equals(DatasetLayout.FIGURES) ? figures : articles).decode(r.value());
      } catch (IOException | RuntimeException e) {
        rejected.accept(r, "not a " + table + " record: " + e.getMessage());
        return;
      }
      stream = Routing.rowStream(table, value);
      if (held(stream, tp, r.offset())) {
        return;
      }
      row =
          table.equals(DatasetLayout.FIGURES)
              ? FigureRows.row(value, r)
              : ArticleRows.row(value, r);
    }
    OpenShard shard = open.get(stream);
    if (shard == null) {
      shard = openShard(stream);
    }
    shard.write(row, tp, r.offset());
    if (shard.rows() >= settings.maxShardRows() || shard.size() >= settings.maxShardBytes()) {
      commit(List.of(stream));
    }
  }

  /**
   * Whether {@code stream} already has the record: committed, or in its open shard (a consumer that
   * seeks back after a rebalance delivers records again).
   */
  private boolean held(String stream, String tp, long offset) {
    if (offset < manifest.position(stream, tp)) {
      return true;
    }
    OpenShard shard = open.get(stream);
    long[] range = shard == null ? null : shard.offsets().get(tp);
    return range != null && offset <= range[1];
  }

  /** Commits every open shard that has been open longer than the age limit; returns how many. */
  public int rollDue(long now) throws IOException {
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
  public void commitAll() throws IOException {
    commit(List.copyOf(open.keySet()));
  }

  /**
   * Merges each stream's small shards, and rewrites shards whose dead rows pass the threshold (all
   * with any when {@code force}).
   */
  public CompactionResult compact(boolean force) throws IOException {
    CompactionResult result = new Compactor(files, settings, faults).compact(manifest, force);
    manifest = result.manifest();
    DatasetCard.write(files, manifest);
    return result;
  }

  /**
   * Compacts (unforced) when the compaction interval has passed since the dataset was last
   * compacted, or first committed (the manifest keeps the time, so reopening the sink on a
   * rebalance or restarting does not put it off); never when the interval is zero or nothing is
   * committed. Whoever drives the sink calls it between batches.
   */
  public Optional<CompactionResult> compactIfDue(long nowMillis) throws IOException {
    long interval = settings.compactInterval().toMillis();
    long since = manifest.compactedAt();
    if (interval == 0 || since == 0 || nowMillis - since < interval) {
      return Optional.empty();
    }
    return Optional.of(compact(false));
  }

  private void commit(List<String> streams) throws IOException {
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
    consumed.forEach(
        (table, read) -> {
          for (String stream : Routing.streamsOf(table)) {
            if (!open.containsKey(stream)) {
              read.forEach((tp, nextOffset) -> next.position(stream, tp, nextOffset));
            }
          }
        });
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

  /**
   * Commits an empty delete file for a table that has none, so a reader's delete glob always
   * matches.
   */
  private void ensureDeleteFiles() throws IOException {
    List<String> missing =
        DatasetLayout.TABLES.stream()
            .map(DatasetLayout::deletes)
            .filter(stream -> manifest.files().stream().noneMatch(f -> f.stream().equals(stream)))
            .toList();
    for (String stream : missing) {
      openShard(stream);
    }
    if (!missing.isEmpty()) {
      commit(missing);
    }
  }

  private OpenShard openShard(String stream) throws IOException {
    long number = manifest.nextFile();
    manifest = manifest.takeFileNumber();
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

  /**
   * Abandons the shards not committed yet (a restart reads their records again) and lets the next
   * writer have the folder.
   */
  @Override
  public void close() {
    open.values().forEach(OpenShard::abandon);
    open.clear();
    if (lock != null) {
      try {
        lock.close();
      } catch (IOException e) {
        // the lock goes with the channel, closed or not
      }
    }
  }
}
