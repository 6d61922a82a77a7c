package org.figstream.connectors.feed.discovery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The feed's cursor in a compacted topic, keyed by feed (the bucket URL), so that a feed that moves
 * to another machine or pod resumes where the last one stopped. A save returns once the broker has
 * it.
 *
 * <p>{@link #fenced} makes it the feed's only way out to Kafka: {@link #send} puts announcements
 * and dead letters in an open transaction and {@link #save} commits them with the cursor, under the
 * fixed transactional id {@code figstream-feed-<feed id>}. A second follower of the same feed that
 * loads its cursor fences the first: the first one's open transaction is aborted and its next send
 * or save fails with {@link FeedFencedException}; the second one resumes from the last committed
 * cursor. Nothing is announced twice in read_committed, even across a crash.
 */
public final class KafkaCursorStore implements CursorStore, AutoCloseable {
  public static final String TOPIC = "figstream-feed-cursor";
  public static final String TRANSACTIONAL_ID_PREFIX = "figstream-feed-";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> clientConfig;
  private final String feedId;
  private final String transactionalId;
  private KafkaProducer<String, byte[]> producer;
  private boolean inTransaction;

  /**
   * @param clientConfig connection settings (bootstrap servers, security); creates the topic if
   *     missing
   */
  public KafkaCursorStore(
      Map<String, Object> clientConfig, String feedId, short replicationFactor) {
    this(clientConfig, feedId, replicationFactor, true);
  }

  /**
   * @param createTopic false on clusters where figstream may not create topics: the topic must
   *     exist
   */
  public KafkaCursorStore(
      Map<String, Object> clientConfig,
      String feedId,
      short replicationFactor,
      boolean createTopic) {
    this(clientConfig, feedId, replicationFactor, createTopic, false);
  }

  /**
   * A store whose saves commit, in one transaction with the cursor, what {@link #send} sent since
   * the last save; a second store of the same feed fences this one (see the class comment).
   */
  public static KafkaCursorStore fenced(
      Map<String, Object> clientConfig,
      String feedId,
      short replicationFactor,
      boolean createTopic) {
    return new KafkaCursorStore(clientConfig, feedId, replicationFactor, createTopic, true);
  }

  private KafkaCursorStore(
      Map<String, Object> clientConfig,
      String feedId,
      short replicationFactor,
      boolean createTopic,
      boolean transactional) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.feedId = feedId;
    this.transactionalId = transactional ? TRANSACTIONAL_ID_PREFIX + feedId : null;
    if (createTopic) {
      CursorTopic.create(clientConfig, replicationFactor);
    } else {
      CursorTopic.require(clientConfig);
    }
    if (!transactional) {
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

  /** The transactional id that fences other followers of this feed, or null when not fenced. */
  public String transactionalId() {
    return transactionalId;
  }

  @Override
  public boolean commitsDeliveries() {
    return transactionalId != null;
  }

  /**
   * Reads the topic to its end and keeps the last cursor written for this feed. A fenced store
   * first takes the transactional id (fencing any other follower, whose open transaction is
   * aborted) and aborts its own open transaction, so the cursor read is the last one committed.
   */
  @Override
  public Optional<FeedCursor> load() {
    if (transactionalId != null) {
      takeOver();
    }
    return CursorTopic.lastCommitted(clientConfig, feedId);
  }

  /**
   * A new producer with the transactional id: initTransactions bumps its epoch, which aborts the
   * open transaction of whoever held it (this store before a failure, or another follower) and
   * fences that holder.
   */
  private synchronized void takeOver() {
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

  private synchronized KafkaProducer<String, byte[]> inTransaction() {
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
   * Sends a record (an announcement, a dead letter) through this store's producer; the Mono
   * completes on the broker's acknowledgement, on a thread that may block. In a fenced store the
   * record is part of the open transaction, visible to read_committed consumers once the next
   * {@link #save} commits it.
   */
  public Mono<Void> send(ProducerRecord<String, byte[]> record) {
    return Mono.<Void>create(
            sink -> {
              try {
                inTransaction()
                    .send(
                        record,
                        (meta, error) -> {
                          if (error != null) {
                            sink.error(failure("cannot send to " + record.topic(), error));
                          } else {
                            sink.success();
                          }
                        });
              } catch (RuntimeException e) {
                sink.error(failure("cannot send to " + record.topic(), e));
              }
            })
        // off the producer's I/O thread: what follows may send, save and commit, which wait on it
        .publishOn(Schedulers.boundedElastic());
  }

  @Override
  public void save(FeedCursor cursor) {
    ProducerRecord<String, byte[]> record = CursorTopic.record(feedId, cursor);
    try {
      KafkaProducer<String, byte[]> p = inTransaction();
      p.send(record).get();
      if (transactionalId != null) {
        synchronized (this) {
          p.commitTransaction();
          inTransaction = false;
        }
      }
    } catch (ExecutionException e) {
      throw failure("cannot save the feed cursor to " + TOPIC, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      throw failure("cannot save the feed cursor to " + TOPIC, e);
    }
  }

  /**
   * The exception for a failed send, save or take-over: a {@link FeedFencedException} (after which
   * this store's producer is closed, until the next {@link #load} takes the id back) when another
   * follower holds the transactional id.
   */
  private RuntimeException failure(String what, Throwable e) {
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

  @Override
  public synchronized void close() {
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
