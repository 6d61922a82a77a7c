package org.figstream.connectors.sink;

import java.io.IOException;
import java.util.function.BiConsumer;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.figstream.connectors.sink.manifest.DatasetLayout;
import org.figstream.connectors.sink.rows.ArticleRows;
import org.figstream.connectors.sink.rows.DeleteRows;
import org.figstream.connectors.sink.rows.FigureRows;
import org.figstream.records.codec.RecordSchemas;

/**
 * Turns a consumed record into the row its table stores and the stream that row goes to: a
 * tombstone into a delete row, any other record into a figure or article row decoded from its
 * value. A record that cannot be decoded, or a tombstone without a key, goes to {@code rejected}
 * instead and is not written.
 */
final class RecordRows {
  /** Whether {@code stream} already has the record at {@code offset} of {@code topicPartition}. */
  interface Held {
    boolean test(String stream, String topicPartition, long offset);
  }

  /** A row and the stream it goes to. */
  record Routed(String stream, GenericRecord row) {}

  private final BiConsumer<TopicRecord, String> rejected;
  private final BinaryMessageDecoder<GenericRecord> figures =
      RecordSchemas.genericDecoder(RecordSchemas.FIGURE);
  private final BinaryMessageDecoder<GenericRecord> articles =
      RecordSchemas.genericDecoder(RecordSchemas.ARTICLE);

  RecordRows(BiConsumer<TopicRecord, String> rejected) {
    this.rejected = rejected;
  }

  /**
   * The row {@code r} adds to {@code table}; null when it is rejected, or when {@code held} says
   * its stream already has it (then no row is built).
   */
  Routed row(String table, TopicRecord r, Held held) {
    String tp = r.topicPartition();
    if (r.tombstone()) {
      if (r.key() == null) {
        rejected.accept(r, "a tombstone without a key deletes nothing");
        return null;
      }
      String stream = DatasetLayout.deletes(table);
      if (held.test(stream, tp, r.offset())) {
        return null;
      }
      return new Routed(stream, DeleteRows.row(r));
    }
    GenericRecord value;
    try {
      value = (table.equals(DatasetLayout.FIGURES) ? figures : articles).decode(r.value());
    } catch (IOException | RuntimeException e) {
      rejected.accept(r, "not a " + table + " record: " + e.getMessage());
      return null;
    }
    String stream = Routing.rowStream(table, value);
    if (held.test(stream, tp, r.offset())) {
      return null;
    }
    return new Routed(
        stream,
        table.equals(DatasetLayout.FIGURES) ? FigureRows.row(value, r) : ArticleRows.row(value, r));
  }
}
