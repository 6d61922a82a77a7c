package org.figstream.runtime;

import java.util.Map;
import org.figstream.records.Topics;
import org.figstream.topology.TopicSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics a pipeline needs, ready before its Streams app starts: created (or required to exist),
 * and the PubMed join's input seeded once on an upgrade.
 */
final class PipelineTopics {
  // logged as Pipeline: these lines are part of its start
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private PipelineTopics() {}

  static void prepare(Map<String, Object> kafka, PipelineSettings settings) throws Exception {
    if (settings.createTopics()) {
      TopicSetup.ensure(
          kafka, settings.partitions(), settings.dedupPartitions(), settings.replication());
    } else {
      TopicSetup.requireExisting(kafka);
    }
    DedupScope.log(TopicSetup.partitionsOf(kafka, Topics.ENRICHED), settings.dedupPartitions());
    long seeded = ExtractedArticlesSeed.run(kafka);
    if (seeded > 0) {
      LOG.info(
          "copied {} records of {} into {} for the PubMed join (an upgrade's one-time step)",
          seeded,
          Topics.ARTICLES,
          Topics.EXTRACTED_ARTICLES);
    }
  }
}
