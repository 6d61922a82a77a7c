package org.figstream.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.figstream.records.Topics;

/**
 * The committed records on {@code dlq}, counted incrementally: the first count reads the topic
 * once, each later one only what arrived since (dead letters are small, and the topic is not
 * compacted, so its offsets cannot say how many records it holds: transaction markers take offsets
 * too).
 */
final class DeadLetterTally {
  private final Map<String, Object> kafka;
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private long count;

  DeadLetterTally(Map<String, Object> kafka) {
    this.kafka = kafka;
  }

  long count() {
    // the cluster answered the run a moment ago: two minutes is ample for a small topic
    next.putAll(TopicReader.readFrom(kafka, Topics.DLQ, next, Duration.ofMinutes(2), r -> count++));
    return count;
  }
}
