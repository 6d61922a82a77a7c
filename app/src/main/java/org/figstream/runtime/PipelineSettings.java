package org.figstream.runtime;

import java.time.Duration;
import org.figstream.state.BoundedRocksDbMemory;
import org.figstream.topology.dedup.DedupSettings;

/**
 * How the pipeline runs on its Kafka.
 *
 * @param partitions partitions of the topics figstream creates, but for figstream-enriched
 * @param dedupPartitions partitions of figstream-enriched, the input of dedup and the pair ledger:
 *     duplicates are found among the articles of one partition, so 1 (the default) finds every
 *     duplicate, and more spread dedup and the ledger over instances (see docs/architecture.md)
 * @param replication replication factor of the topics figstream creates (and of Streams' internal
 *     ones)
 * @param createTopics create missing topics; false on clusters where topics are provisioned by
 *     others
 * @param enrichConcurrency articles enriched at once by the stage (fetch, extract, images)
 * @param stateMemoryBytes off-heap memory all RocksDB stores of this instance share (block cache
 *     and memtables together)
 * @param instanceId unique and stable per instance (a StatefulSet pod name): the enrichment stage's
 *     transactional id ends with it, so a restarted instance fences its own zombie
 * @param commitInterval how often Kafka Streams commits its exactly-once transaction: each commit
 *     costs the broker transaction markers and an offset commit, and a record reaches {@code
 *     figures} (and read-committed readers) only with its transaction
 */
public record PipelineSettings(
    int partitions,
    int dedupPartitions,
    short replication,
    boolean createTopics,
    DedupSettings dedup,
    int enrichConcurrency,
    long stateMemoryBytes,
    String instanceId,
    Duration commitInterval) {

  /** Streams' commit interval unless told otherwise; see {@code docs/load.md}. */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(200);

  public static PipelineSettings defaults() {
    return new PipelineSettings(
        2,
        1,
        (short) 1,
        true,
        DedupSettings.DEFAULTS,
        8,
        BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES,
        "0",
        DEFAULT_COMMIT_INTERVAL);
  }

  public PipelineSettings withDedupPartitions(int n) {
    return new PipelineSettings(
        partitions,
        n,
        replication,
        createTopics,
        dedup,
        enrichConcurrency,
        stateMemoryBytes,
        instanceId,
        commitInterval);
  }

  public PipelineSettings withInstanceId(String id) {
    return new PipelineSettings(
        partitions,
        dedupPartitions,
        replication,
        createTopics,
        dedup,
        enrichConcurrency,
        stateMemoryBytes,
        id,
        commitInterval);
  }
}
