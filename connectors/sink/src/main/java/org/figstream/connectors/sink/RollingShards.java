package org.figstream.connectors.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.shard.OpenShard;

/**
 * Compaction's output for one stream: rows copied from existing files go to new shards under
 * temporary names, and a shard is finished once it reaches the row or byte limit, the test a commit
 * applies, so compaction never writes a file bigger than the sink itself would. Each shard keeps
 * the offsets of the rows it got, by partition, for the manifest.
 */
final class RollingShards {
  private final DatasetFiles files;
  private final String stream;
  private final String topic;
  private final long rowGroupBytes;
  private final long maxRows;
  private final long maxBytes;
  private final LongSupplier fileNumbers;
  private final List<ShardEntry> finished = new ArrayList<>();
  private OpenShard open;
  private Schema openSchema;

  RollingShards(
      DatasetFiles files,
      SinkSettings settings,
      String stream,
      long maxRows,
      long maxBytes,
      LongSupplier fileNumbers) {
    this.files = files;
    this.stream = stream;
    this.topic =
        stream.startsWith(DatasetLayout.FIGURES + "/")
            ? settings.figuresTopic()
            : settings.articlesTopic();
    this.rowGroupBytes = settings.rowGroupBytes();
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
    this.fileNumbers = fileNumbers;
  }

  /**
   * Copies a row read from one of the dataset's files; its own offset columns say where it came
   * from.
   */
  void write(GenericRecord row) throws IOException {
    // A merge can span files written by different row schema versions: each output keeps one. Rows
    // of a
    // file share one Schema instance, so the deep comparison runs once per source file.
    if (open != null && row.getSchema() != openSchema) {
      if (!row.getSchema().equals(openSchema)) {
        finishOpen();
      } else {
        openSchema = row.getSchema();
      }
    }
    if (open == null) {
      String name = DatasetFiles.name(stream, fileNumbers.getAsLong(), ".parquet");
      // the schema the row was read with: its source file's own, whatever version wrote it
      openSchema = row.getSchema();
      open =
          new OpenShard(
              name,
              files.temporary(name),
              openSchema,
              rowGroupBytes,
              Routing.metadata(stream),
              System.currentTimeMillis());
    }
    open.write(row, topic + "-" + row.get("kafka_partition"), (Long) row.get("kafka_offset"));
    if (open.rows() >= maxRows || open.size() >= maxBytes) {
      finishOpen();
    }
  }

  /** The shards written, none when no row was; all still under their temporary names. */
  List<ShardEntry> finish() throws IOException {
    if (open != null) {
      finishOpen();
    }
    return List.copyOf(finished);
  }

  /** Stops writing; the temporary files left are deleted when the dataset is next opened. */
  void abandon() {
    if (open != null) {
      open.abandon();
      open = null;
    }
  }

  private void finishOpen() throws IOException {
    long bytes = open.finish();
    finished.add(
        new ShardEntry(open.name(), stream, open.rows(), bytes, Map.copyOf(open.offsets())));
    open = null;
  }
}
