package org.figstream.connectors.sink.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.ParquetWriter;
import org.figstream.connectors.sink.manifest.ManifestStore;

/**
 * A shard being written: a hidden temporary file in its table folder, the rows in it and the topic
 * offsets they cover. It becomes part of the dataset only when the sink commits it (closed, synced,
 * listed in the manifest, renamed).
 */
public final class OpenShard {
  private final String name;
  private final Path temporary;
  private final ParquetWriter<GenericRecord> writer;
  private final long openedAt;
  private final Map<String, long[]> offsets = new TreeMap<>();
  private long rows;

  public OpenShard(
      String name,
      Path temporary,
      Schema schema,
      long rowGroupBytes,
      Map<String, String> metadata,
      long openedAt)
      throws IOException {
    this.name = name;
    this.temporary = temporary;
    this.writer = ParquetFiles.writer(temporary, schema, rowGroupBytes, metadata);
    this.openedAt = openedAt;
  }

  public void write(GenericRecord row, String topicPartition, long offset) throws IOException {
    writer.write(row);
    rows++;
    offsets.merge(
        topicPartition,
        new long[] {offset, offset},
        (was, now) -> new long[] {Math.min(was[0], now[0]), Math.max(was[1], now[1])});
  }

  /** Closes the writer and forces the file to disk; returns its size. */
  public long finish() throws IOException {
    writer.close();
    ManifestStore.force(temporary);
    return Files.size(temporary);
  }

  /**
   * Closes the writer without keeping anything (the sink is failing or closing uncommitted work).
   */
  public void abandon() {
    try {
      writer.close();
    } catch (IOException | RuntimeException ignored) {
      // the temporary file is deleted at the next start, whatever state it is in
    }
  }

  /** Bytes written so far, buffered row group included: what the size roll compares. */
  public long size() {
    return writer.getDataSize();
  }

  public String name() {
    return name;
  }

  public long openedAt() {
    return openedAt;
  }

  public long rows() {
    return rows;
  }

  /** First and last offset written, by {@code topic-partition}. */
  public Map<String, long[]> offsets() {
    return offsets;
  }
}
