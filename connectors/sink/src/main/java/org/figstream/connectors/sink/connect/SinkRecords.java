package org.figstream.connectors.sink.connect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.records.Headers;

/** Connect records as the dataset sink sees them: {@link TopicRecord}s of bytes and text. */
final class SinkRecords {
  private SinkRecords() {}

  /**
   * A Connect record as the sink sees it, by the coordinates it was consumed at (before any
   * transform).
   */
  static TopicRecord topicRecord(SinkRecord r) {
    return new TopicRecord(
        r.originalTopic(),
        r.originalKafkaPartition(),
        r.originalKafkaOffset(),
        r.timestamp() != null ? r.timestamp() : System.currentTimeMillis(),
        text(r.key()),
        bytes(r),
        reason(r));
  }

  private static byte[] bytes(SinkRecord r) {
    Object value = r.value();
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] copy = new byte[buffer.remaining()];
      buffer.duplicate().get(copy);
      return copy;
    }
    throw new DataException(
        "figstream dataset sink: the value of "
            + r.originalTopic()
            + "-"
            + r.originalKafkaPartition()
            + "@"
            + r.originalKafkaOffset()
            + " reached the task as "
            + value.getClass().getName()
            + ", not bytes: set value.converter="
            + DatasetSinkConfig.BYTE_ARRAY_CONVERTER
            + " (the sink decodes the Avro single-object encoding itself)");
  }

  private static String text(Object key) {
    if (key == null || key instanceof String) {
      return (String) key;
    }
    if (key instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return key.toString();
  }

  private static String reason(SinkRecord r) {
    Header header = r.headers().lastWithName(Headers.REASON);
    return header == null ? null : text(header.value());
  }
}
