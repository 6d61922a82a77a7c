package org.figstream.connectors.feed.discovery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer behind a {@link KafkaCursorStore} and, when the store is fenced, its delivery
 * transaction: taking the transactional id over (which fences the previous holder), beginning the
 * transaction on the first send after a commit, committing it with the cursor, aborting it on
 * close, and dropping the producer once another follower has fenced this one. It exists so that
 * this lifecycle, and the lock that guards it, lives apart from the {@link CursorStore} API; the
 * store decides what to send and when to commit, this class only how.
 *
 * <p>A plain (unfenced) store's producer is made once and never begins a transaction.
 */
final class FeedProducer {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> clientConfig;
  private final String transactionalId;
  private KafkaProducer<String, byte[]> producer;
  private boolean inTransaction;

  /**
   * @param transactionalId the feed's transactional id, or null for a plain producer, which is made
   *     here; a transactional one is made by {@link #takeOver}
   */
  FeedProducer(Map<String, Object> clientConfig, String transactionalId) {
    this.clientConfig = clientConfig;
    this.transactionalId = transactionalId;
    if (transactionalId == null) {
      producer = newProducer();
    }
  }

  private KafkaProducer<String, byte[]> newProducer() {
    Map<String, Object> p = new HashMap<>(clientConfig);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    if (transactionalId != null) {
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
      // a transaction spans checkpointEvery rows of metadata fetches (the broker's default cap is
      // 15)
      p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofMinutes(10).toMillis());
    }
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * A new producer with the transactional id: initTransactions bumps its epoch, which aborts the
   * open transaction of whoever held it (this store before a failure, or another follower) and
   * fences that holder.
   */
  synchronized void takeOver() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
    inTransaction = false;
    KafkaProducer<String, byte[]> p = newProducer();
    try {
      p.initTransactions();
    } catch (RuntimeException e) {
      p.close(Duration.ZERO);
      throw new IllegalStateException(
          "cannot take the feed's transactional id " + transactionalId + ": " + e.getMessage(), e);
    }
    producer = p;
  }

  /**
   * The producer to send with, inside an open transaction when transactional (begun here if none is
   * open); a {@link FeedFencedException} once fencing has closed it.
   */
  synchronized KafkaProducer<String, byte[]> inTransaction() {
    if (producer == null) {
      throw fencedException(null);
    }
    if (transactionalId != null && !inTransaction) {
      try {
        producer.beginTransaction();
      } catch (RuntimeException e) {
        throw failure("cannot begin a transaction", e);
      }
      inTransaction = true;
    }
    return producer;
  }

  /**
   * Commits the open transaction of {@code p} (the producer {@link #inTransaction} returned); a
   * plain producer has none, so this does nothing.
   */
  void commit(KafkaProducer<String, byte[]> p) {
    if (transactionalId != null) {
      synchronized (this) {
        p.commitTransaction();
        inTransaction = false;
      }
    }
  }

  /**
   * The exception for a failed send, save or take-over: a {@link FeedFencedException} (after which
   * the producer is closed, until the next {@link #takeOver} takes the id back) when another
   * follower holds the transactional id.
   */
  RuntimeException failure(String what, Throwable e) {
    if (e instanceof FeedFencedException fenced) {
      return fenced;
    }
    if (transactionalId != null && isFencing(e)) {
      synchronized (this) {
        if (producer != null) {
          producer.close(Duration.ZERO);
          producer = null;
          inTransaction = false;
        }
      }
      return fencedException(e);
    }
    return new IllegalStateException(what + ": " + e.getMessage(), e);
  }

  private FeedFencedException fencedException(Throwable cause) {
    return new FeedFencedException(
        "another follower of this feed took its transactional id "
            + transactionalId
            + ": this one stops announcing (its uncommitted announcements are aborted)",
        cause);
  }

  private static boolean isFencing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
        return true;
      }
    }
    return false;
  }

  synchronized void close() {
    if (producer != null) {
      if (inTransaction) {
        try {
          producer.abortTransaction(); // read_committed consumers need not wait for its timeout
        } catch (RuntimeException e) {
          // fenced or broken: the coordinator aborts it (on the next holder's initTransactions)
        }
        inTransaction = false;
      }
      producer.close(CLOSE_TIMEOUT);
      producer = null;
    }
  }
}
