package org.figstream.connectors.feed.discovery;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Which follower of a feed announces: the member of the consumer group {@code figstream-feed-<feed
 * id>} that is assigned the single partition of {@link KafkaCursorStore#TOPIC}. The assignment is
 * sticky (a follower that joins later does not take the feed from a live leader, so the feed stays
 * with the instance whose index knows it) and moves to another member when the leader leaves
 * (close) or stops heartbeating (session timeout). The group reads nothing: the partition stays
 * paused; a thread polls only to take part in the group.
 *
 * <p>An election alone cannot stop a leader that does not know yet it lost (a long pause): that is
 * what the fenced cursor store is for ({@link KafkaCursorStore#fenced}); the election keeps the
 * followers from fencing each other in turn.
 */
public final class FeedLeadership implements AutoCloseable {
  public static final String GROUP_PREFIX = "figstream-feed-";
  private static final TopicPartition PARTITION = new TopicPartition(KafkaCursorStore.TOPIC, 0);

  private final String group;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private final CountDownLatch decided = new CountDownLatch(1);
  private volatile boolean leader;
  private volatile boolean closing;
  private volatile RuntimeException failure;

  /** Joins the feed's group (the cursor topic must exist: the cursor store creates it). */
  public FeedLeadership(Map<String, Object> clientConfig, String feedId) {
    this.group = GROUP_PREFIX + feedId;
    Map<String, Object> c = new HashMap<>(clientConfig);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        List.of(CooperativeStickyAssignor.class.getName()));
    consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    thread = new Thread(this::poll, "figstream-feed-leadership");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll() {
    try {
      consumer.subscribe(
          List.of(KafkaCursorStore.TOPIC),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              settle();
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
              if (partitions.contains(PARTITION)) {
                leader = false;
              }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
              leader = false;
            }
          });
      while (!closing) {
        consumer.poll(Duration.ofMillis(200));
        consumer.pause(consumer.assignment());
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
      leader = false;
      decided.countDown();
    } finally {
      leader = false;
      consumer.close(); // leaves the group: another follower is assigned the partition at once
    }
  }

  private void settle() {
    consumer.pause(consumer.assignment());
    leader = consumer.assignment().contains(PARTITION);
    decided.countDown();
  }

  /**
   * Waits until this member has joined the group once (as leader or not).
   *
   * @return whether it is the leader now
   */
  public boolean awaitDecided(Duration timeout) throws InterruptedException {
    if (!decided.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "the feed's consumer group " + group + " did not assign its partition within " + timeout);
    }
    if (failure != null) {
      throw new IllegalStateException(
          "the feed's consumer group " + group + " failed: " + failure.getMessage(), failure);
    }
    return leader;
  }

  /** Whether this follower holds the feed's partition, so announces. */
  public boolean isLeader() {
    return leader;
  }

  public String group() {
    return group;
  }

  @Override
  public void close() throws InterruptedException {
    closing = true;
    consumer.wakeup();
    thread.join(Duration.ofSeconds(30).toMillis());
  }
}
