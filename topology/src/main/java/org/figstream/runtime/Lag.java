package org.figstream.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the pipeline's consumer groups are behind the committed ends of their input topics: zero
 * everywhere means every announcement so far has its outputs committed.
 */
final class Lag {
  private Lag() {}

  static long total(Admin admin, Map<String, List<String>> inputsByGroup) throws Exception {
    long lag = 0;
    for (Map.Entry<String, List<String>> group : inputsByGroup.entrySet()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (String topic : group.getValue()) {
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
            .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      }
      var latest = admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
      for (var end : latest.entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += end.getValue().offset() - (done == null ? 0 : done.offset());
      }
    }
    return lag;
  }
}
