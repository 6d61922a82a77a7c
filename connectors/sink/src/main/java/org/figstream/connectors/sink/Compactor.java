package org.figstream.connectors.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.shard.ParquetFiles;

/**
 * Applies delete files and superseded rows to the shards, and merges small shards. In each stream,
 * the shards under a fraction of both shard limits (the age limit and frequent commits leave many)
 * are merged, their live rows copied into new shards that roll at the limits; any other shard whose
 * dead rows reach the threshold is rewritten without them (or dropped when nothing in it is live);
 * and a table's delete files are merged into one. Like a commit, it writes the new files under
 * temporary names, switches the manifest, then renames them and deletes the old ones, so readers
 * see the old files or the new ones, and a crash at any step settles at the next start. Rows keep
 * their offsets, and readers order a key's versions by offset, never by file, so moving rows
 * between files changes no query's answer. Delete records are kept: they are the history of what
 * left. Rows are copied in their table's current layout, and a shard an older figstream wrote in
 * another ({@link RowLayouts}) is rewritten whatever its dead rows, so after a compaction every
 * file of a table has one schema. One instance runs one compaction.
 */
final class Compactor {
  /**
   * A shard is small below this fraction of both limits. At a quarter, at least four small shards
   * fit in one merged shard, so a merge always writes fewer files than it reads, while the shards
   * the limits rolled (and those a merge wrote, bar its last) are never merged again.
   */
  static final double SMALL_SHARE = 0.25;

  private final DatasetFiles files;
  private final SinkSettings settings;
  private final FaultPoint.Hook faults;
  private final List<String> written = new ArrayList<>();
  private final List<ShardEntry> replaced = new ArrayList<>();
  private Manifest.Builder next;
  private int rewritten;
  private int upgraded;
  private int dropped;
  private int merged;
  private int mergedInto;
  private long removed;

  Compactor(DatasetFiles files, SinkSettings settings, FaultPoint.Hook faults) {
    this.files = files;
    this.settings = settings;
    this.faults = faults;
  }

  CompactionResult compact(Manifest manifest, boolean force) throws IOException {
    next = manifest.toBuilder().compacted(System.currentTimeMillis());
    LiveRows figuresLive = null;
    for (String table : DatasetLayout.TABLES) {
      LiveRows live = LiveRows.of(files, manifest, table);
      if (table.equals(DatasetLayout.FIGURES)) {
        figuresLive = live;
      }
      Map<String, List<ShardEntry>> streams = new LinkedHashMap<>();
      for (ShardEntry f : manifest.files()) {
        if (f.table().equals(table)) {
          streams.computeIfAbsent(f.stream(), s -> new ArrayList<>()).add(f);
        }
      }
      for (List<ShardEntry> stream : streams.values()) {
        compactStream(stream, live, force);
      }
    }
    faults.at(FaultPoint.COMPACTION_WRITTEN);
    Manifest interim = next.build(System.currentTimeMillis());
    List<String> tars = manifest.webdataset();
    if (settings.webdataset()) {
      tars = new WebDatasetExport(files, settings).export(interim, figuresLive);
      next.webdataset(tars);
      written.addAll(tars);
      interim = next.build(System.currentTimeMillis());
    }
    ManifestStore.write(files.root(), interim);
    faults.at(FaultPoint.COMPACTION_MANIFEST_WRITTEN);
    for (String path : written) {
      files.publish(path);
    }
    files.pointAtTars(interim);
    for (ShardEntry old : replaced) {
      Files.deleteIfExists(files.path(old.path()));
    }
    for (String tar : manifest.webdataset()) {
      if (!tars.contains(tar)) {
        Files.deleteIfExists(files.path(tar));
      }
    }
    return new CompactionResult(
        interim, rewritten, upgraded, dropped, merged, mergedInto, removed, tars);
  }

  /** The files of one stream, in the order they were committed. */
  private void compactStream(List<ShardEntry> stream, LiveRows live, boolean force)
      throws IOException {
    if (stream.get(0).deletes()) {
      if (stream.size() > 1) {
        // delete records are a few dozen bytes each: one file per table, whatever the limits
        replace(stream, copy(stream, null, Long.MAX_VALUE, Long.MAX_VALUE));
      }
      return;
    }
    List<ShardEntry> small = stream.stream().filter(this::small).toList();
    List<ShardEntry> merging = small.size() > 1 ? small : List.of();
    if (!merging.isEmpty()) {
      for (ShardEntry f : merging) {
        // copied in the current layout, as every merged row is
        upgraded += RowLayouts.outdated(files, f) ? 1 : 0;
      }
      List<ShardEntry> out = copy(merging, live, settings.maxShardRows(), settings.maxShardBytes());
      replace(merging, out);
      merged += merging.size();
      mergedInto += out.size();
    }
    for (ShardEntry f : stream) {
      if (!merging.contains(f)) {
        removeDeadRows(f, live, force);
      }
    }
  }

  /**
   * Rewrites {@code f} without its dead rows, or drops it, when they reach the threshold (any when
   * forced).
   */
  private void removeDeadRows(ShardEntry f, LiveRows live, boolean force) throws IOException {
    long dead = live.deadRows(f);
    boolean outdated = RowLayouts.outdated(files, f);
    if (!outdated && (dead == 0 || (!force && dead < settings.compactThreshold() * f.rows()))) {
      return;
    }
    if (dead == f.rows()) {
      replace(List.of(f), List.of());
      dropped++;
    } else {
      replace(
          List.of(f), copy(List.of(f), live, settings.maxShardRows(), settings.maxShardBytes()));
      if (outdated) {
        upgraded++;
      } else {
        rewritten++;
      }
    }
  }

  private boolean small(ShardEntry f) {
    return f.bytes() < SMALL_SHARE * settings.maxShardBytes()
        && f.rows() < SMALL_SHARE * settings.maxShardRows();
  }

  /**
   * The new manifest lists {@code by} instead of {@code old}; the rows that are not carried over
   * were dead.
   */
  private void replace(List<ShardEntry> old, List<ShardEntry> by) {
    for (ShardEntry f : old) {
      next.remove(f);
      replaced.add(f);
      removed += f.rows();
    }
    for (ShardEntry f : by) {
      next.add(f);
      written.add(f.path());
      removed -= f.rows();
    }
  }

  /**
   * Copies the live rows of {@code sources} (all rows when {@code live} is null), in order, into
   * new shards of their stream that roll at {@code maxRows} and {@code maxBytes}.
   */
  private List<ShardEntry> copy(
      List<ShardEntry> sources, LiveRows live, long maxRows, long maxBytes) throws IOException {
    String keyColumn = LiveRows.keyColumn(sources.get(0));
    RollingShards out =
        new RollingShards(
            files, settings, sources.get(0).stream(), maxRows, maxBytes, next::takeFileNumber);
    try {
      for (ShardEntry source : sources) {
        Path file = files.path(source.path());
        try (ParquetReader<GenericRecord> reader =
            source.deletes()
                ? ParquetFiles.reader(file, null)
                : ParquetFiles.readerAs(file, RowLayouts.current(source.table()))) {
          for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
            if (live == null
                || live.isLive(r.get(keyColumn).toString(), (Long) r.get("kafka_offset"))) {
              out.write(r);
            }
          }
        }
      }
      return out.finish();
    } catch (IOException | RuntimeException e) {
      out.abandon();
      throw e;
    }
  }
}
