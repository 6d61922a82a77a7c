package org.figstream.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.figstream.broker.CoordinatorStates.Coordinated;
import org.figstream.broker.OrphanedTransactions.Orphan;

/**
 * Finishes the orphans the way their coordinators finished the transactions: a commit marker
 * ({@link CommitMarkers}) where the coordinator committed, the KIP-664 admin abort otherwise.
 *
 * <p>Why this exists apart from {@link OrphanFinder}: finishing writes to the partitions and has to
 * wait for the coordinators to settle after a restart first, while finding only reads; the side
 * effects and the waiting are kept here, the decisions there.
 */
final class OrphanFinisher {
  private OrphanFinisher() {}

  /** See {@link OrphanedTransactions#finishAll}. */
  static List<Orphan> finishAll(Admin admin, InetSocketAddress broker, Duration settle)
      throws Exception {
    long deadline = System.nanoTime() + settle.toNanos();
    // coordinators first, partitions second: a transaction still open after its coordinator was
    // seen finished is an orphan; the other order could take one finished in between for one
    Map<Long, Coordinated> coordinators = CoordinatorStates.byProducer(admin);
    Map<TopicPartition, List<ProducerState>> open = OpenTransactions.byPartition(admin);
    while (!open.isEmpty()
        && OrphanFinder.undecided(open, coordinators)
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
      coordinators = CoordinatorStates.byProducer(admin);
      open = OpenTransactions.byPartition(admin);
    }
    List<Orphan> finished = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Orphan o : OrphanFinder.orphans(open, coordinators)) {
      if (o.coordinatorState() == TransactionState.COMPLETE_COMMIT) {
        try {
          CommitMarkers.commit(
              broker,
              o.partition(),
              o.producerId(),
              (short) o.openEpoch(),
              o.markerCoordinatorEpoch());
          finished.add(o);
        } catch (IOException e) {
          // the others still get theirs: the rest of a committed transaction's partitions left
          // open would leave it half committed, which is what this repair is for
          refused.add(o.partition() + ": " + e.getMessage());
        }
        continue;
      }
      try {
        admin
            .abortTransaction(
                new AbortTransactionSpec(
                    o.partition(),
                    o.producerId(),
                    (short) o.openEpoch(),
                    o.markerCoordinatorEpoch()))
            .all()
            .get();
        finished.add(o);
      } catch (ExecutionException e) {
        // refused (a marker with a later epoch landed meanwhile): nothing was open to abort
      }
    }
    if (!refused.isEmpty()) {
      // said here, and the finished ones still returned (and told by the caller)
      System.err.println(
          "figstream: the broker refused the commit marker of an orphaned transaction, which"
              + " stays open: "
              + String.join("; ", refused));
    }
    return finished;
  }
}
