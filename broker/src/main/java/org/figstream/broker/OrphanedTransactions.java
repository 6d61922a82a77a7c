package org.figstream.broker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

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
 */
public final class OrphanedTransactions {
  private static final Set<TransactionState> FINISHED =
      Set.of(
          TransactionState.EMPTY,
          TransactionState.COMPLETE_COMMIT,
          TransactionState.COMPLETE_ABORT);
  private static final Set<TransactionState> FINISHING =
      Set.of(
          TransactionState.PREPARE_COMMIT,
          TransactionState.PREPARE_ABORT,
          TransactionState.PREPARE_EPOCH_FENCE);

  /** Topics that hold the coordinators' and the controller's own logs, never a producer's. */
  private static final Set<String> NOT_PRODUCED =
      Set.of("__transaction_state", "__cluster_metadata", "__share_group_state");

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
    long deadline = System.nanoTime() + settle.toNanos();
    // coordinators first, partitions second: a transaction still open after its coordinator was
    // seen finished is an orphan; the other order could take one finished in between for one
    Map<Long, Coordinated> coordinators = coordinators(admin);
    Map<TopicPartition, List<ProducerState>> open = open(admin);
    while (!open.isEmpty() && undecided(open, coordinators) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      coordinators = coordinators(admin);
      open = open(admin);
    }
    List<Orphan> finished = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Orphan o : orphans(open, coordinators)) {
      if (o.coordinatorState() == TransactionState.COMPLETE_COMMIT) {
        try {
          CommitMarkers.commit(
              broker,
              o.partition(),
              o.producerId(),
              (short) o.openEpoch(),
              o.markerCoordinatorEpoch());
          finished.add(o);
        } catch (java.io.IOException e) {
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
      } catch (java.util.concurrent.ExecutionException e) {
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

  /** The orphans there are now. */
  public static List<Orphan> find(Admin admin) throws Exception {
    Map<TopicPartition, List<ProducerState>> open = open(admin);
    return orphans(open, open.isEmpty() ? Map.of() : coordinators(admin));
  }

  private static boolean undecided(
      Map<TopicPartition, List<ProducerState>> open, Map<Long, Coordinated> coordinators) {
    return open.values().stream()
        .flatMap(List::stream)
        .map(p -> coordinators.get(p.producerId()))
        .anyMatch(c -> c == null || FINISHING.contains(c.state().state()));
  }

  private static List<Orphan> orphans(
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

  /** The producers with a transaction open on each partition that has any. */
  private static Map<TopicPartition, List<ProducerState>> open(Admin admin) throws Exception {
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

  /** A transactional id and its coordinator's state. */
  private record Coordinated(String transactionalId, TransactionDescription state) {}

  /** Every transactional producer the coordinators know, by producer id. */
  private static Map<Long, Coordinated> coordinators(Admin admin) throws Exception {
    Collection<TransactionListing> listed = admin.listTransactions().all().get();
    Map<Long, Coordinated> byProducer = new HashMap<>();
    if (listed.isEmpty()) {
      return byProducer;
    }
    admin
        .describeTransactions(listed.stream().map(TransactionListing::transactionalId).toList())
        .all()
        .get()
        .forEach((id, d) -> byProducer.put(d.producerId(), new Coordinated(id, d)));
    return byProducer;
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
