package org.figstream.broker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;

/**
 * Transactions that a hard stop of the embedded broker left open on a partition although their
 * coordinator has finished them.
 *
 * <p>Why this exists: when figstream (and with it the embedded broker) is killed between a Kafka
 * Streams commit's PrepareCommit and its markers, the restarted coordinator moved the transaction
 * to CompleteCommit without any marker reaching its partitions (seen in KillSoakIT, Kafka 4.3.1,
 * transaction version 2; the evidence is in docs/reliability.md). Such a partition's last stable
 * offset never moves again: Streams' restore of a changelog and its committed-offsets fetch (a
 * pending offset commit in {@code __consumer_offsets}) wait on it forever, so the app stays
 * REBALANCING; and the producer's next transaction on that partition would commit the orphaned
 * records with its own.
 *
 * <p>The repair finishes each orphan the way its coordinator finished the transaction. When the
 * coordinator committed it ({@code CompleteCommit}), the orphan gets a commit marker ({@link
 * CommitMarkers}): some of the transaction's partitions may have got their markers before the stop
 * and others not, and aborting the rest would keep, say, the consumer offsets while dropping the
 * records they stand for (KillSoakIT lost one article's figures that way). Otherwise ({@code
 * CompleteAbort}, or {@code Empty}, where the outcome is not recorded) it is aborted with the admin
 * API for hanging transactions (KIP-664), and Streams redoes the work. An open transaction counts
 * as an orphan only when its coordinator knows its producer, is in no transaction or a completed
 * one ({@code Empty}, {@code CompleteCommit}, {@code CompleteAbort}), at the orphan's epoch or a
 * later one: it will never write a marker for it. Anything else (an ongoing transaction, one whose
 * markers are being written, a producer the coordinators do not list) is left alone. The embedded
 * broker runs this when it starts, before any client of figstream's is connected.
 *
 * <p>This class is the repair's public face; the work is split by job: {@link OpenTransactions}
 * reads the partitions' open transactions, {@link CoordinatorStates} the coordinators' states,
 * {@link OrphanFinder} decides which are orphans, and {@link OrphanFinisher} waits for the
 * coordinators to settle and finishes them.
 */
public final class OrphanedTransactions {
  private OrphanedTransactions() {}

  /**
   * An open transaction on {@code partition} that its coordinator has finished; {@code
   * markerCoordinatorEpoch} is the coordinator epoch the partition last saw, which an abort marker
   * must carry.
   */
  public record Orphan(
      TopicPartition partition,
      String transactionalId,
      long producerId,
      int openEpoch,
      long startOffset,
      int markerCoordinatorEpoch,
      TransactionState coordinatorState,
      int coordinatorEpoch) {
    @Override
    public String toString() {
      return partition
          + " from offset "
          + startOffset
          + " ("
          + transactionalId
          + " epoch "
          + openEpoch
          + "; its coordinator: "
          + coordinatorState
          + " at epoch "
          + coordinatorEpoch
          + ")";
    }
  }

  /**
   * Commits or aborts every orphan, as its coordinator finished the transaction, and returns them;
   * {@code broker} is the embedded broker's plain listener. Coordinators load their state after the
   * broker starts and finish the transactions they were finishing when it stopped: while a producer
   * with an open transaction is not listed yet, or its coordinator is still finishing, this waits
   * (up to {@code settle}; after that those are left alone).
   */
  public static List<Orphan> finishAll(Admin admin, InetSocketAddress broker, Duration settle)
      throws Exception {
    return OrphanFinisher.finishAll(admin, broker, settle);
  }

  /** The orphans there are now. */
  public static List<Orphan> find(Admin admin) throws Exception {
    Map<TopicPartition, List<ProducerState>> open = OpenTransactions.byPartition(admin);
    return OrphanFinder.orphans(
        open, open.isEmpty() ? Map.of() : CoordinatorStates.byProducer(admin));
  }
}
