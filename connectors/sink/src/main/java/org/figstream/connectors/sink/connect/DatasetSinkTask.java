package org.figstream.connectors.sink.connect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.connectors.sink.manifest.ConcurrentWriterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset sink driven by Kafka Connect, as {@code DatasetSinkRunner} drives it inside {@code
 * figstream run}. The dataset's manifest, not the consumer group's committed offsets, says which
 * records the files hold: {@link #open} seeks every assigned partition to the manifest's position,
 * and {@link #preCommit} hands Connect those same positions, so the group's offsets never run ahead
 * of the files. A shard is committed when it is full or {@code shard.max.age.ms} old ({@link #put}
 * checks the age on every call, empty ones included); {@link #close} and {@link #stop} abandon the
 * shards not committed yet, and their records are read again from the manifest's positions. Connect
 * calls a task from one thread, which the sink needs.
 *
 * <p>{@link ReopenableSink} opens and abandons the sink, {@link SinkRecords} turns Connect records
 * into the sink's, and {@link RejectedRecords} sends on those it cannot take.
 */
public final class DatasetSinkTask extends SinkTask {
  private static final Logger log = LoggerFactory.getLogger(DatasetSinkTask.class);

  /** Write failures in a row (each followed by a reopen and a reread) before the task gives up. */
  private static final int MAX_WRITE_FAILURES = 3;

  private String name;
  private SinkSettings settings;
  private RejectedRecords rejected;
  private ReopenableSink sink;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private int failures;

  @Override
  public String version() {
    return Versions.of(DatasetSinkTask.class);
  }

  @Override
  public void start(Map<String, String> props) {
    DatasetSinkConfig config = new DatasetSinkConfig(props);
    name = props.getOrDefault("name", "figstream-dataset-sink");
    settings = config.settings();
    rejected = new RejectedRecords(name, context);
    sink = new ReopenableSink(name, settings, rejected::rejected);
    sink.ensureOpen();
    log.info(
        "figstream dataset sink {}: dataset {}, manifest generation {}, {} ({} loaded from {})",
        name,
        settings.dataset(),
        sink.manifest().generation(),
        rejected.reported()
            ? "undecodable records go to the errant record reporter"
            : "no errant record reporter: undecodable records are logged and left out",
        DatasetSinkTask.class.getName(),
        codeSource());
  }

  /** Seeks the new partitions to what the manifest says the dataset holds. */
  @Override
  public void open(Collection<TopicPartition> partitions) {
    assigned.addAll(partitions);
    sink.ensureOpen();
    seekToManifest(partitions);
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    sink.ensureOpen();
    List<TopicRecord> batch = new ArrayList<>(records.size());
    for (SinkRecord r : records) {
      TopicRecord t = SinkRecords.topicRecord(r);
      rejected.track(t, r);
      batch.add(t);
    }
    try {
      sink.write(batch);
      failures = 0;
    } catch (IOException e) {
      // What the sink had open may be half written: drop it, and read everything after the manifest
      // again.
      failures++;
      sink.abandon();
      if (e instanceof ConcurrentWriterException) {
        // another writer owns the dataset: retrying would only take turns with it
        throw new ConnectException(
            "figstream dataset sink " + name + ": " + e.getMessage() + "; this task stops", e);
      }
      if (failures > MAX_WRITE_FAILURES) {
        throw new ConnectException(
            "figstream dataset sink "
                + name
                + ": writing "
                + settings.dataset()
                + " failed "
                + failures
                + " times in a row: "
                + e.getMessage(),
            e);
      }
      log.warn(
          "figstream dataset sink {}: writing {} failed ({}); reopening it and reading again from its "
              + "manifest (attempt {} of {})",
          name,
          settings.dataset(),
          e.toString(),
          failures,
          MAX_WRITE_FAILURES,
          e);
      sink.ensureOpen();
      seekToManifest(assigned);
    } finally {
      rejected.clear();
    }
  }

  /**
   * For each partition Connect commits: the manifest's position, what the dataset durably holds.
   */
  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(
      Map<TopicPartition, OffsetAndMetadata> current) {
    Map<TopicPartition, OffsetAndMetadata> durable = new HashMap<>();
    if (sink == null || !sink.everOpened()) {
      return durable;
    }
    for (TopicPartition tp : current.keySet()) {
      long next = sink.resumeOffset(tp);
      if (next > 0) {
        durable.put(tp, new OffsetAndMetadata(next));
      }
    }
    log.debug("figstream dataset sink {}: committing {} (read up to {})", name, durable, current);
    return durable;
  }

  /**
   * Abandons every open shard: they mix partitions, and whoever reads the closed ones next starts
   * from the manifest. The partitions this task keeps are sought back to the manifest too.
   */
  @Override
  public void close(Collection<TopicPartition> partitions) {
    assigned.removeAll(partitions);
    abandon();
    if (!assigned.isEmpty()) {
      seekToManifest(assigned);
    }
  }

  @Override
  public void stop() {
    abandon();
  }

  private void abandon() {
    // Connect stops a task whose start failed, maybe before it had a sink
    if (sink != null) {
      sink.abandon();
    }
  }

  private void seekToManifest(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> offsets = sink.resumeOffsets(partitions);
    if (!offsets.isEmpty()) {
      log.info(
          "figstream dataset sink {}: reading from the manifest's positions {}", name, offsets);
      context.offset(offsets);
    }
  }

  private static String codeSource() {
    var source = DatasetSinkTask.class.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null
        ? "an unknown location"
        : source.getLocation().toString();
  }
}
