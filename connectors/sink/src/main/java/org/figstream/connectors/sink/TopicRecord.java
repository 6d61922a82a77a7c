package org.figstream.connectors.sink;

/**
 * One record of {@code figures} or {@code articles} as a sink sees it, whoever consumed it (the
 * embedded run's consumer or a Kafka Connect task).
 *
 * @param value the Avro single-object bytes; null for a tombstone
 * @param reason a tombstone's {@code figstream.reason} header, null when it has none
 */
public record TopicRecord(
    String topic,
    int partition,
    long offset,
    long timestamp,
    String key,
    byte[] value,
    String reason) {

  public boolean tombstone() {
    return value == null;
  }

  /** {@code topic-partition}: how the manifest names a partition. */
  public String topicPartition() {
    return topic + "-" + partition;
  }
}
