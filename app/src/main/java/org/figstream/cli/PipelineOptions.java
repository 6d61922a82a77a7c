package org.figstream.cli;

import java.time.Duration;
import org.figstream.runtime.PipelineSettings;
import org.figstream.topology.dedup.DedupSettings;
import picocli.CommandLine.Option;

/** How the pipeline processes: dedup, enrichment concurrency, state memory, instance identity. */
final class PipelineOptions {
  enum DedupPolicy {
    mark,
    drop
  }

  @Option(
      names = "--dedup-distance",
      defaultValue = "6",
      description =
          "Perceptual-hash bits two images may differ by and count as near duplicates; 0: only "
              + "identical hashes (default: ${DEFAULT-VALUE}).")
  int dedupDistance;

  @Option(
      names = "--dedup-policy",
      defaultValue = "mark",
      description =
          "mark: publish duplicates naming their canonical pair (duplicateOf); drop: leave them "
              + "out of figures (default: ${DEFAULT-VALUE}).")
  DedupPolicy dedupPolicy;

  @Option(
      names = "--dedup-partitions",
      defaultValue = "1",
      description =
          "Partitions of figstream-enriched, where dedup and the pair ledger run: duplicates are "
              + "found among the articles of one partition, so 1 finds every duplicate and more "
              + "spread dedup over instances; an existing topic keeps its count "
              + "(default: ${DEFAULT-VALUE}).")
  int dedupPartitions;

  @Option(
      names = "--enrich-concurrency",
      defaultValue = "8",
      description =
          "Articles enriched at once (fetch, extract, images) (default: ${DEFAULT-VALUE}).")
  int enrichConcurrency;

  @Option(
      names = "--state-memory-mb",
      defaultValue = "64",
      description =
          "Off-heap memory shared by all RocksDB state stores: block cache and memtables "
              + "(default: ${DEFAULT-VALUE}).")
  long stateMemoryMb;

  @Option(
      names = "--instance-id",
      defaultValue = "0",
      description =
          "Unique, stable name of this instance among those sharing a cluster (a pod name); "
              + "the enrichment stage's transactional id ends with it (default: ${DEFAULT-VALUE}).")
  String instanceId;

  @Option(
      names = "--commit-interval",
      defaultValue = "PT0.2S",
      description =
          "How often Kafka Streams commits its exactly-once transaction; a record reaches "
              + "figures with its transaction, and each commit costs the broker some work "
              + "(default: ${DEFAULT-VALUE}).")
  Duration commitInterval;

  PipelineSettings settings(KafkaOptions kafka) {
    if (commitInterval.isNegative()
        || commitInterval.isZero()
        || commitInterval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "--commit-interval must be over 0 and at most PT1M, not " + commitInterval);
    }
    if (dedupDistance < 0 || dedupDistance > 32) {
      throw new IllegalArgumentException(
          "--dedup-distance must be between 0 and 32, not " + dedupDistance);
    }
    if (dedupPartitions < 1) {
      throw new IllegalArgumentException(
          "--dedup-partitions must be at least 1, not " + dedupPartitions);
    }
    return new PipelineSettings(
        kafka.partitions,
        dedupPartitions,
        kafka.replicationFactor,
        kafka.createTopics(),
        new DedupSettings(dedupDistance, dedupPolicy == DedupPolicy.drop),
        enrichConcurrency,
        stateMemoryMb * 1024 * 1024,
        instanceId,
        commitInterval);
  }
}
