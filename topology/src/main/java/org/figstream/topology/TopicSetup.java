package org.figstream.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.figstream.records.Topics;

/**
 * Creates the pipeline's topics that do not exist yet (never changes existing ones), or checks they
 * exist.
 */
public final class TopicSetup {
  /** Records that carry normalised images (enriched articles, figures) may be this large. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private TopicSetup() {}

  /** Every topic of the pipeline (internal ones included), in data-flow order. */
  public static final List<String> TOPICS =
      List.of(
          Topics.ARTICLE_VERSIONS,
          Topics.ENRICH_REQUESTS,
          Topics.ENRICHED,
          Topics.FIGURES,
          Topics.EXTRACTED_ARTICLES,
          Topics.PUBMED,
          Topics.ARTICLES,
          Topics.DLQ);

  /** The tables: figures, articles as extracted, PubMed citations, articles. */
  private static final Set<String> COMPACTED =
      Set.of(Topics.FIGURES, Topics.EXTRACTED_ARTICLES, Topics.PUBMED, Topics.ARTICLES);

  /**
   * Fails, naming them, when topics are missing on a cluster where figstream is not to create them.
   */
  public static void requireExisting(Map<String, Object> kafka) throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      Set<String> existing = admin.listTopics().names().get();
      List<String> missing = TOPICS.stream().filter(t -> !existing.contains(t)).toList();
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "topics "
                + missing
                + " do not exist: create them ("
                + String.join(", ", COMPACTED.stream().sorted().toList())
                + " compacted, max.message.bytes "
                + MAX_MESSAGE_BYTES
                + " on figures and "
                + Topics.ENRICHED
                + "; "
                + Topics.ENRICHED
                + " on one partition finds every duplicate: --dedup-partitions) or let figstream"
                + " create its topics (--create-topics)");
      }
    }
  }

  /**
   * The settings of a topic of {@link #TOPICS} on a single broker (the Helm chart's KafkaTopics are
   * tested against them; they add {@code min.insync.replicas} for their replication).
   */
  public static Map<String, String> configs(String name) {
    return configs(name, (short) 1);
  }

  /**
   * The configs a topic is created with: the tables (figures, articles, and the PubMed join's
   * inputs figstream-extracted-articles and pubmed) compacted, room for images on figures and
   * figstream-enriched, and, when replicated three times or more, {@code min.insync.replicas} 2, so
   * that an acknowledged write (acks=all, what transactions use) is on two brokers and losing one
   * broker neither loses it nor stops the pipeline.
   */
  public static Map<String, String> configs(String name, short replication) {
    Map<String, String> configs = new TreeMap<>();
    if (COMPACTED.contains(name)) {
      configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    if (name.equals(Topics.FIGURES) || name.equals(Topics.ENRICHED)) {
      configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES));
    }
    if (replication >= 3) {
      configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
    }
    return configs;
  }

  /**
   * The partitions topic {@code name} is created with: {@code dedupPartitions} for
   * figstream-enriched, the input of dedup and the pair ledger (duplicates are found among the
   * articles of one of its partitions), {@code partitions} for the others.
   */
  public static int partitions(String name, int partitions, int dedupPartitions) {
    return name.equals(Topics.ENRICHED) ? dedupPartitions : partitions;
  }

  /**
   * Every missing topic with {@code partitions}, figstream-enriched too (tests that need no more).
   */
  public static void ensure(Map<String, Object> kafka, int partitions, short replication)
      throws Exception {
    ensure(kafka, partitions, partitions, replication);
  }

  /** Creates the missing topics, with {@link #partitions(String, int, int)} partitions each. */
  public static void ensure(
      Map<String, Object> kafka, int partitions, int dedupPartitions, short replication)
      throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String name : TOPICS) {
        if (!existing.contains(name)) {
          missing.add(
              new NewTopic(name, partitions(name, partitions, dedupPartitions), replication)
                  .configs(configs(name, replication)));
        }
      }
      // instances of a cluster start together: a topic another one created meanwhile is fine
      for (var created : admin.createTopics(missing).values().values()) {
        try {
          created.get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }

  /**
   * How many partitions an existing topic has. A topic created a moment ago may not be in every
   * broker's metadata yet: asked again, all within 30 s.
   */
  public static int partitionsOf(Map<String, Object> kafka, String topic) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Admin admin = Admin.create(kafka)) {
      while (true) {
        try {
          return admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
              .get(topic)
              .partitions()
              .size();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
              || System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(100);
        }
      }
    }
  }
}
