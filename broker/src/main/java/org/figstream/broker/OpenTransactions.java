package org.figstream.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * The partitions' side of the orphan search: which producers have a transaction open on which
 * partition, as the partitions themselves report it.
 *
 * <p>Why this exists apart from {@link CoordinatorStates}: an orphan is a disagreement between a
 * partition and a coordinator, so the two are read separately and only compared in {@link
 * OrphanFinder}; reading every partition's producer states is a job of its own (listing topics,
 * leaving out the logs no producer writes to, describing producers).
 */
final class OpenTransactions {
  /** Topics that hold the coordinators' and the controller's own logs, never a producer's. */
  private static final Set<String> NOT_PRODUCED =
      Set.of("__transaction_state", "__cluster_metadata", "__share_group_state");

  private OpenTransactions() {}

  /** The producers with a transaction open on each partition that has any. */
  static Map<TopicPartition, List<ProducerState>> byPartition(Admin admin) throws Exception {
    Map<TopicPartition, List<ProducerState>> open = new HashMap<>();
    admin
        .describeProducers(partitions(admin))
        .all()
        .get()
        .forEach(
            (partition, state) -> {
              List<ProducerState> producers =
                  state.activeProducers().stream()
                      .filter(p -> p.currentTransactionStartOffset().isPresent())
                      .toList();
              if (!producers.isEmpty()) {
                open.put(partition, producers);
              }
            });
    return open;
  }

  /** Every partition a producer may write to, the internal offsets topic included. */
  private static List<TopicPartition> partitions(Admin admin) throws Exception {
    Set<String> names =
        new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get());
    names.removeAll(NOT_PRODUCED);
    List<TopicPartition> partitions = new ArrayList<>();
    admin
        .describeTopics(names)
        .allTopicNames()
        .get()
        .forEach(
            (topic, d) -> {
              for (TopicPartitionInfo p : d.partitions()) {
                partitions.add(new TopicPartition(topic, p.partition()));
              }
            });
    return partitions;
  }
}
