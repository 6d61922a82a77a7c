package org.figstream.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the pipeline's topics that do not exist yet; never changes existing ones. */
public final class TopicSetup {
  /** Records that carry normalised images (enriched articles, figures) may be this large. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private TopicSetup() {}

  public static void ensure(Map<String, Object> kafka, int partitions, short replication) throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String name : List.of(Topics.ARTICLE_VERSIONS, Topics.ENRICH_REQUESTS, Topics.ENRICHED, Topics.FIGURES,
          Topics.ARTICLES, Topics.DLQ)) {
        if (!existing.contains(name)) {
          NewTopic topic = new NewTopic(name, partitions, replication);
          Map<String, String> configs = new java.util.HashMap<>();
          if (name.equals(Topics.FIGURES) || name.equals(Topics.ARTICLES)) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
          }
          if (name.equals(Topics.FIGURES) || name.equals(Topics.ENRICHED)) {
            configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES));
          }
          topic.configs(configs);
          missing.add(topic);
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
      }
    }
  }
}
