package org.figstream.connectors.sink.connect;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.figstream.connectors.sink.CompactionResult;
import org.figstream.connectors.sink.DatasetSink;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.connectors.sink.manifest.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's {@link DatasetSink}: opened when needed, closed without committing when partitions are
 * closed or a write fails, and opened again from the dataset's manifest.
 */
final class ReopenableSink {
  // the task's logger, so that these lines keep the name operators already filter on
  private static final Logger log = LoggerFactory.getLogger(DatasetSinkTask.class);

  private final String name;
  private final SinkSettings settings;
  private final BiConsumer<TopicRecord, String> rejected;

  /**
   * The last sink opened; once closed it still knows the manifest's positions, for preCommit and
   * seeks.
   */
  private DatasetSink sink;

  private boolean open;

  ReopenableSink(String name, SinkSettings settings, BiConsumer<TopicRecord, String> rejected) {
    this.name = name;
    this.settings = settings;
    this.rejected = rejected;
  }

  void ensureOpen() {
    if (open) {
      return;
    }
    try {
      sink = DatasetSink.open(settings, FaultPoint.Hook.NONE, rejected);
      open = true;
    } catch (IOException e) {
      throw new ConnectException(
          "figstream dataset sink "
              + name
              + ": cannot open the dataset at "
              + settings.dataset()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Closes the sink without committing; a closed sink is never written again (its positions would
   * lie).
   */
  void abandon() {
    if (open) {
      open = false;
      sink.close();
    }
  }

  /** Whether a sink was ever opened, so that there are manifest positions to tell. */
  boolean everOpened() {
    return sink != null;
  }

  /** The manifest of the last sink opened. */
  Manifest manifest() {
    return sink.manifest();
  }

  /**
   * Writes a batch, then commits the shards old enough and compacts if due: {@code
   * shard.max.age.ms} is checked on every call, empty ones included.
   */
  void write(List<TopicRecord> batch) throws IOException {
    sink.write(batch);
    long now = System.currentTimeMillis();
    int committed = sink.rollDue(now);
    if (committed > 0) {
      log.debug(
          "figstream dataset sink {}: committed {} shards, manifest generation {}",
          name,
          committed,
          sink.manifest().generation());
    }
    Optional<CompactionResult> compaction = sink.compactIfDue(now);
    if (compaction.isPresent()) {
      log.info("figstream dataset sink {}: compaction {}", name, compaction.get().describe());
    }
  }

  /** Where the dataset's manifest says to read {@code tp} from: what the dataset durably holds. */
  long resumeOffset(TopicPartition tp) {
    return sink.resumeOffset(tp.topic(), tp.partition());
  }

  /** The manifest's position of each partition; a partition of any other topic is refused. */
  Map<TopicPartition, Long> resumeOffsets(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition tp : partitions) {
      try {
        offsets.put(tp, resumeOffset(tp));
      } catch (IllegalArgumentException e) {
        throw new ConnectException(
            "figstream dataset sink "
                + name
                + " was assigned "
                + tp
                + ": "
                + e.getMessage()
                + "; set topics to exactly "
                + settings.figuresTopic()
                + ","
                + settings.articlesTopic(),
            e);
      }
    }
    return offsets;
  }
}
