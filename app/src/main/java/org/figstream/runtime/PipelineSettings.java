package org.figstream.runtime;

import java.time.Duration;
import org.figstream.state.BoundedRocksDbMemory;
import org.figstream.topology.dedup.DedupSettings;

/**
 * How the pipeline runs on its Kafka.
 *
 * @param partitions partitions of the topics figstream creates
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
        (short) 1,
        true,
        DedupSettings.DEFAULTS,
        8,
        BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES,
        "0",
        DEFAULT_COMMIT_INTERVAL);
  }
}
