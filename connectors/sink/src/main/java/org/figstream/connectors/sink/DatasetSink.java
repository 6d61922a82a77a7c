package org.figstream.connectors.sink;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.figstream.connectors.sink.manifest.ConcurrentWriterException;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.WriterLock;

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
 *
 * <p>The work is shared out: {@link RecordRows} turns records into rows, {@link OpenShards} writes
 * them and decides when to commit, and {@link CommittedManifest} commits.
 */
public final class DatasetSink implements Closeable {
  private final SinkSettings settings;
  private final DatasetFiles files;
  private final FaultPoint.Hook faults;
  private final Routing routing;
  private final RecordRows rows;
  private final CommittedManifest committed;
  private final OpenShards shards;
  private final WriterLock lock;

  private DatasetSink(
      SinkSettings settings,
      FaultPoint.Hook faults,
      BiConsumer<TopicRecord, String> rejected,
      Manifest manifest,
      WriterLock lock,
      LongConsumer commits) {
    this.settings = settings;
    this.lock = lock;
    this.files = new DatasetFiles(settings.dataset());
    this.faults = faults;
    this.routing = new Routing(settings);
    this.rows = new RecordRows(rejected);
    this.committed = new CommittedManifest(files, faults, commits, manifest);
    this.shards = new OpenShards(settings, files, committed);
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
    sink.shards.ensureDeleteFiles();
    DatasetCard.write(sink.files, sink.committed.current());
    return sink;
  }

  public Manifest manifest() {
    return committed.current();
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
      min = Math.min(min, committed.current().position(stream, tp));
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
    shards.consumed(table, r.topicPartition(), r.offset());
    RecordRows.Routed routed = rows.row(table, r, shards::held);
    if (routed != null) {
      shards.write(routed.stream(), routed.row(), r.topicPartition(), r.offset());
    }
  }

  /** Commits every open shard that has been open longer than the age limit; returns how many. */
  public int rollDue(long now) throws IOException {
    return shards.rollDue(now);
  }

  /** Commits everything written so far, and the positions of everything consumed. */
  public void commitAll() throws IOException {
    shards.commitAll();
  }

  /**
   * Merges each stream's small shards, and rewrites shards whose dead rows pass the threshold (all
   * with any when {@code force}).
   */
  public CompactionResult compact(boolean force) throws IOException {
    CompactionResult result =
        new Compactor(files, settings, faults).compact(committed.current(), force);
    committed.replace(result.manifest());
    DatasetCard.write(files, committed.current());
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
    long since = committed.current().compactedAt();
    if (interval == 0 || since == 0 || nowMillis - since < interval) {
      return Optional.empty();
    }
    return Optional.of(compact(false));
  }

  /**
   * Abandons the shards not committed yet (a restart reads their records again) and lets the next
   * writer have the folder.
   */
  @Override
  public void close() {
    shards.abandon();
    if (lock != null) {
      try {
        lock.close();
      } catch (IOException e) {
        // the lock goes with the channel, closed or not
      }
    }
  }
}
