package org.figstream.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.figstream.connectors.sink.DatasetSink;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.connectors.sink.manifest.ShardEntry;
import org.figstream.connectors.sink.shard.ParquetFiles;
import org.figstream.records.codec.RecordSchemas;

/**
 * The writes {@link ParquetWriteReport} times, one method each, so that every writer is timed the
 * same way: the old file removed, a GC first, and only the write itself inside the clock.
 */
final class TimedParquetWrites {
  /** The sink path's time, and the rows and bytes its manifest says it committed. */
  record SinkResult(double seconds, long rows, long bytes) {}

  private TimedParquetWrites() {}

  /** Seconds to write every row through figstream's writer and close it. */
  static double writeFigstream(List<GenericRecord> rows, Path file) throws IOException {
    Files.deleteIfExists(file);
    System.gc();
    long start = System.nanoTime();
    try (ParquetWriter<GenericRecord> writer =
        ParquetFiles.writer(
            file,
            RecordSchemas.FIGURE_ROW,
            SinkSettings.DEFAULT_ROW_GROUP_BYTES,
            Map.of("figstream.stream", "figures/commercial"))) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Seconds for DuckDB to COPY the table to a Parquet file with {@code threads} threads. */
  static double copyDuckDb(Statement sql, long threads, String options, Path file)
      throws IOException, SQLException {
    Files.deleteIfExists(file);
    sql.execute("SET threads = " + threads);
    System.gc();
    long start = System.nanoTime();
    sql.execute("COPY t TO '" + file + "' (" + options + ")");
    return (System.nanoTime() - start) / 1e9;
  }

  /** The whole sink path into a fresh dataset directory: decode, map, write, commit. */
  static SinkResult writeSink(List<TopicRecord> records, Path dataset) throws IOException {
    System.gc();
    long start = System.nanoTime();
    long rows = 0;
    long bytes = 0;
    try (DatasetSink sink =
        DatasetSink.open(
            SinkSettings.defaults(dataset),
            FaultPoint.Hook.NONE,
            (r, why) -> {
              throw new IllegalStateException("rejected " + r.key() + ": " + why);
            })) {
      for (TopicRecord r : records) {
        sink.write(r);
      }
      sink.commitAll();
      double seconds = (System.nanoTime() - start) / 1e9;
      for (ShardEntry e : sink.manifest().files()) {
        if (!e.deletes()) {
          rows += e.rows();
          bytes += e.bytes();
        }
      }
      if (rows != records.size()) {
        throw new IllegalStateException(
            "the sink committed " + rows + " rows of " + records.size());
      }
      BenchDirectory.deleteTree(dataset);
      return new SinkResult(seconds, rows, bytes);
    }
  }
}
