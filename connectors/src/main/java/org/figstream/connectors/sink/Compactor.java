package org.figstream.connectors.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetReader;
import org.figstream.connectors.sink.manifest.Manifest;
import org.figstream.connectors.sink.manifest.ManifestStore;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.manifest.Streams;
import org.figstream.connectors.sink.shard.OpenShard;
import org.figstream.connectors.sink.shard.ParquetFiles;

/**
 * Applies delete files and superseded rows to the shards: a shard whose dead rows reach the threshold is
 * rewritten without them (or dropped when nothing in it is live), and a table's delete files are merged
 * into one. Like a commit, it writes the new files under temporary names, switches the manifest, then
 * renames them and deletes the old ones, so readers see the old files or the new ones, and a crash at any
 * step settles at the next start. Delete records are kept: they are the history of what left.
 */
final class Compactor {
  private final DatasetFiles files;
  private final SinkSettings settings;
  private final FaultPoint.Hook faults;

  Compactor(DatasetFiles files, SinkSettings settings, FaultPoint.Hook faults) {
    this.files = files;
    this.settings = settings;
    this.faults = faults;
  }

  CompactionResult compact(Manifest manifest, boolean force) throws IOException {
    Manifest.Builder next = manifest.toBuilder();
    List<String> written = new ArrayList<>();
    List<ShardEntry> replaced = new ArrayList<>();
    int rewritten = 0;
    int dropped = 0;
    long removed = 0;
    LiveRows figuresLive = null;
    for (String table : Streams.TABLES) {
      LiveRows live = LiveRows.of(files, manifest, table);
      if (table.equals(Streams.FIGURES)) {
        figuresLive = live;
      }
      List<ShardEntry> deleteFiles = new ArrayList<>();
      for (ShardEntry f : manifest.files()) {
        if (!f.table().equals(table)) {
          continue;
        }
        if (f.deletes()) {
          deleteFiles.add(f);
          continue;
        }
        long dead = live.deadRows(files, f);
        if (dead == 0 || (!force && dead < settings.compactThreshold() * f.rows())) {
          continue;
        }
        replaced.add(f);
        next.remove(f);
        removed += dead;
        if (dead == f.rows()) {
          dropped++;
          continue;
        }
        ShardEntry copy = rewrite(f, next.takeFileNumber(), live);
        next.add(copy);
        written.add(copy.path());
        rewritten++;
      }
      if (deleteFiles.size() > 1) {
        ShardEntry merged = rewrite(deleteFiles, Streams.deletes(table), next.takeFileNumber(), null);
        deleteFiles.forEach(next::remove);
        replaced.addAll(deleteFiles);
        next.add(merged);
        written.add(merged.path());
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
    for (ShardEntry old : replaced) {
      Files.deleteIfExists(files.path(old.path()));
    }
    for (String tar : manifest.webdataset()) {
      if (!tars.contains(tar)) {
        Files.deleteIfExists(files.path(tar));
      }
    }
    return new CompactionResult(interim, rewritten, dropped, removed, tars);
  }

  private ShardEntry rewrite(ShardEntry f, long number, LiveRows live) throws IOException {
    return rewrite(List.of(f), f.stream(), number, live);
  }

  /** Copies the live rows of {@code sources} (all rows when {@code live} is null) into one new file. */
  private ShardEntry rewrite(List<ShardEntry> sources, String stream, long number, LiveRows live) throws IOException {
    String name = DatasetFiles.name(stream, number, ".parquet");
    String keyColumn = LiveRows.keyColumn(sources.get(0));
    String topic = sources.get(0).table().equals(Streams.FIGURES) ? settings.figuresTopic() : settings.articlesTopic();
    OpenShard out = null;
    try {
      for (ShardEntry source : sources) {
        try (ParquetReader<GenericRecord> reader = ParquetFiles.reader(files.path(source.path()), null)) {
          for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
            long offset = (Long) r.get("kafka_offset");
            if (live != null && !live.isLive(r.get(keyColumn).toString(), offset)) {
              continue;
            }
            if (out == null) {
              out = new OpenShard(name, files.temporary(name), r.getSchema(), settings.rowGroupBytes(),
                  Map.of("figstream.stream", stream), System.currentTimeMillis());
            }
            out.write(r, topic + "-" + r.get("kafka_partition"), offset);
          }
        }
      }
      long bytes = out.finish();
      return new ShardEntry(name, stream, out.rows(), bytes, Map.copyOf(out.offsets()));
    } catch (IOException | RuntimeException e) {
      if (out != null) {
        out.abandon();
      }
      throw e;
    }
  }
}
