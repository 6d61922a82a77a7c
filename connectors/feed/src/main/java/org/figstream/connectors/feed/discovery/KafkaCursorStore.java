package org.figstream.connectors.feed.discovery;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 *
 * <p>This class is the {@link CursorStore} API and decides what goes into each transaction; the
 * producer's lifecycle (take-over, begin, commit, abort, fencing) is {@link FeedProducer}'s, and
 * the topic itself {@link CursorTopic}'s.
 */
public final class KafkaCursorStore implements CursorStore, AutoCloseable {
  public static final String TOPIC = "figstream-feed-cursor";
  public static final String TRANSACTIONAL_ID_PREFIX = "figstream-feed-";

  private final Map<String, Object> clientConfig;
  private final String feedId;
  private final String transactionalId;
  private final FeedProducer producer;

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
    producer = new FeedProducer(this.clientConfig, transactionalId);
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
      producer.takeOver();
    }
    return CursorTopic.lastCommitted(clientConfig, feedId);
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
                producer
                    .inTransaction()
                    .send(
                        record,
                        (meta, error) -> {
                          if (error != null) {
                            sink.error(producer.failure("cannot send to " + record.topic(), error));
                          } else {
                            sink.success();
                          }
                        });
              } catch (RuntimeException e) {
                sink.error(producer.failure("cannot send to " + record.topic(), e));
              }
            })
        // off the producer's I/O thread: what follows may send, save and commit, which wait on it
        .publishOn(Schedulers.boundedElastic());
  }

  @Override
  public void save(FeedCursor cursor) {
    ProducerRecord<String, byte[]> record = CursorTopic.record(feedId, cursor);
    try {
      KafkaProducer<String, byte[]> p = producer.inTransaction();
      p.send(record).get();
      producer.commit(p);
    } catch (ExecutionException e) {
      throw producer.failure("cannot save the feed cursor to " + TOPIC, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      throw producer.failure("cannot save the feed cursor to " + TOPIC, e);
    }
  }

  /** Aborts the open transaction, if any, and closes the producer. */
  @Override
  public void close() {
    producer.close();
  }
}
