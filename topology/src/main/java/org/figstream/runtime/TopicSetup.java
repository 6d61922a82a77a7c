package org.figstream.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.figstream.topology.Topics;

/** Creates the pipeline's topics that do not exist yet; never changes existing ones. */
final class TopicSetup {
  private TopicSetup() {}

  static void ensure(Map<String, Object> kafka, int partitions, short replication) throws Exception {
    try (Admin admin = Admin.create(kafka)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String name : List.of(Topics.ARTICLE_VERSIONS, Topics.ENRICH_REQUESTS, Topics.ENRICHED, Topics.FIGURES,
          Topics.ARTICLES, Topics.DLQ)) {
        if (!existing.contains(name)) {
          NewTopic topic = new NewTopic(name, partitions, replication);
          if (name.equals(Topics.FIGURES) || name.equals(Topics.ARTICLES)) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
          }
          missing.add(topic);
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
      }
    }
  }
}
