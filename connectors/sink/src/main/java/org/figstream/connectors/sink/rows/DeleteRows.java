package org.figstream.connectors.sink.rows;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.records.codec.RecordSchemas;

/** A tombstone as a delete row (records/schemas/dataset-delete.v1.avsc). */
public final class DeleteRows {
  private DeleteRows() {}

  public static GenericRecord row(TopicRecord tombstone) {
    GenericData.Record row = new GenericData.Record(RecordSchemas.DELETE_ROW);
    row.put("key", tombstone.key());
    row.put("kafka_partition", tombstone.partition());
    row.put("kafka_offset", tombstone.offset());
    row.put("deleted_at", tombstone.timestamp());
    row.put("reason", tombstone.reason() == null ? "unknown" : tombstone.reason());
    return row;
  }
}
