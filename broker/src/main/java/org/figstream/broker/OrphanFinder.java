package org.figstream.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.figstream.broker.CoordinatorStates.Coordinated;
import org.figstream.broker.OrphanedTransactions.Orphan;

/**
 * Decides, from the partitions' open transactions ({@link OpenTransactions}) and the coordinators'
 * states ({@link CoordinatorStates}), which open transactions are orphans and how their coordinator
 * finished them.
 *
 * <p>Why this exists: the rule for what counts as an orphan (see {@link OrphanedTransactions}) is
 * the part of the repair that must never take a live transaction for a dead one, so it is kept in
 * one place, free of any Kafka calls, apart from the reading and the finishing.
 */
final class OrphanFinder {
  /** Coordinator states in which the coordinator will write no more markers for a transaction. */
  private static final Set<TransactionState> FINISHED =
      Set.of(
          TransactionState.EMPTY,
          TransactionState.COMPLETE_COMMIT,
          TransactionState.COMPLETE_ABORT);

  /** Coordinator states in which the coordinator is still writing a transaction's markers. */
  private static final Set<TransactionState> FINISHING =
      Set.of(
          TransactionState.PREPARE_COMMIT,
          TransactionState.PREPARE_ABORT,
          TransactionState.PREPARE_EPOCH_FENCE);

  private OrphanFinder() {}

  /**
   * Whether some open transaction cannot be judged yet: its producer is not listed by the
   * coordinators (they may not have loaded their state yet), or its coordinator is still finishing.
   */
  static boolean undecided(
      Map<TopicPartition, List<ProducerState>> open, Map<Long, Coordinated> coordinators) {
    return open.values().stream()
        .flatMap(List::stream)
        .map(p -> coordinators.get(p.producerId()))
        .anyMatch(c -> c == null || FINISHING.contains(c.state().state()));
  }

  /**
   * The open transactions whose coordinator knows their producer and is in a finished state at
   * their epoch or a later one.
   */
  static List<Orphan> orphans(
      Map<TopicPartition, List<ProducerState>> open, Map<Long, Coordinated> coordinators) {
    List<Orphan> orphans = new ArrayList<>();
    open.forEach(
        (partition, producers) -> {
          for (ProducerState p : producers) {
            Coordinated c = coordinators.get(p.producerId());
            if (c == null) {
              continue;
            }
            TransactionDescription d = c.state();
            if (FINISHED.contains(d.state()) && d.producerEpoch() >= p.producerEpoch()) {
              orphans.add(
                  new Orphan(
                      partition,
                      c.transactionalId(),
                      p.producerId(),
                      p.producerEpoch(),
                      p.currentTransactionStartOffset().getAsLong(),
                      p.coordinatorEpoch().orElse(-1),
                      d.state(),
                      d.producerEpoch()));
            }
          }
        });
    return orphans;
  }
}
