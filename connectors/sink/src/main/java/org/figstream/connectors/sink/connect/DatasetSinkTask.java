package org.figstream.connectors.sink.connect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.figstream.connectors.sink.CompactionResult;
import org.figstream.connectors.sink.DatasetSink;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.connectors.sink.manifest.ConcurrentWriterException;
import org.figstream.records.Headers;
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
 */
public final class DatasetSinkTask extends SinkTask {
  private static final Logger log = LoggerFactory.getLogger(DatasetSinkTask.class);

  /** Write failures in a row (each followed by a reopen and a reread) before the task gives up. */
  private static final int MAX_WRITE_FAILURES = 3;

  private static final long REPORT_TIMEOUT_SECONDS = 60;

  private String name;
  private SinkSettings settings;
  private ErrantRecordReporter reporter;

  /**
   * The last sink opened; once closed it still knows the manifest's positions, for preCommit and
   * seeks.
   */
  private DatasetSink sink;

  private boolean open;
  private final Set<TopicPartition> assigned = new HashSet<>();

  /** The Connect records of the batch being written, for the errant record reporter. */
  private final Map<TopicRecord, SinkRecord> inFlight = new IdentityHashMap<>();

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
    reporter = errantRecordReporter();
    ensureOpen();
    log.info(
        "figstream dataset sink {}: dataset {}, manifest generation {}, {} ({} loaded from {})",
        name,
        settings.dataset(),
        sink.manifest().generation(),
        reporter != null
            ? "undecodable records go to the errant record reporter"
            : "no errant record reporter: undecodable records are logged and left out",
        DatasetSinkTask.class.getName(),
        codeSource());
  }

  /** Seeks the new partitions to what the manifest says the dataset holds. */
  @Override
  public void open(Collection<TopicPartition> partitions) {
    assigned.addAll(partitions);
    ensureOpen();
    seekToManifest(partitions);
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    ensureOpen();
    List<TopicRecord> batch = new ArrayList<>(records.size());
    for (SinkRecord r : records) {
      TopicRecord t = topicRecord(r);
      inFlight.put(t, r);
      batch.add(t);
    }
    try {
      write(batch);
      failures = 0;
    } catch (IOException e) {
      // What the sink had open may be half written: drop it, and read everything after the manifest
      // again.
      failures++;
      abandon();
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
      ensureOpen();
      seekToManifest(assigned);
    } finally {
      inFlight.clear();
    }
  }

  private void write(List<TopicRecord> batch) throws IOException {
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

  /**
   * For each partition Connect commits: the manifest's position, what the dataset durably holds.
   */
  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(
      Map<TopicPartition, OffsetAndMetadata> current) {
    Map<TopicPartition, OffsetAndMetadata> durable = new HashMap<>();
    if (sink == null) {
      return durable;
    }
    for (TopicPartition tp : current.keySet()) {
      long next = sink.resumeOffset(tp.topic(), tp.partition());
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

  private void ensureOpen() {
    if (open) {
      return;
    }
    try {
      sink = DatasetSink.open(settings, FaultPoint.Hook.NONE, this::rejected);
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
  private void abandon() {
    if (open) {
      open = false;
      sink.close();
    }
  }

  private void seekToManifest(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition tp : partitions) {
      try {
        offsets.put(tp, sink.resumeOffset(tp.topic(), tp.partition()));
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
    if (!offsets.isEmpty()) {
      log.info(
          "figstream dataset sink {}: reading from the manifest's positions {}", name, offsets);
      context.offset(offsets);
    }
  }

  /**
   * A Connect record as the sink sees it, by the coordinates it was consumed at (before any
   * transform).
   */
  private TopicRecord topicRecord(SinkRecord r) {
    return new TopicRecord(
        r.originalTopic(),
        r.originalKafkaPartition(),
        r.originalKafkaOffset(),
        r.timestamp() != null ? r.timestamp() : System.currentTimeMillis(),
        text(r.key()),
        bytes(r),
        reason(r));
  }

  private static byte[] bytes(SinkRecord r) {
    Object value = r.value();
    if (value == null || value instanceof byte[]) {
      return (byte[]) value;
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] copy = new byte[buffer.remaining()];
      buffer.duplicate().get(copy);
      return copy;
    }
    throw new DataException(
        "figstream dataset sink: the value of "
            + r.originalTopic()
            + "-"
            + r.originalKafkaPartition()
            + "@"
            + r.originalKafkaOffset()
            + " reached the task as "
            + value.getClass().getName()
            + ", not bytes: set value.converter="
            + DatasetSinkConfig.BYTE_ARRAY_CONVERTER
            + " (the sink decodes the Avro single-object encoding itself)");
  }

  private static String text(Object key) {
    if (key == null || key instanceof String) {
      return (String) key;
    }
    if (key instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return key.toString();
  }

  private static String reason(SinkRecord r) {
    Header header = r.headers().lastWithName(Headers.REASON);
    return header == null ? null : text(header.value());
  }

  /**
   * A record the sink cannot take: to Connect's errant record reporter (the dead letter queue),
   * waiting until it is written there, since the manifest may move past it at the next commit;
   * without a reporter, an error in the log that names it.
   */
  private void rejected(TopicRecord t, String why) {
    SinkRecord record = inFlight.get(t);
    String where = t.topicPartition() + "@" + t.offset() + " (key " + t.key() + ")";
    if (reporter == null || record == null) {
      log.error(
          "figstream dataset sink {}: record {} is left out of the dataset: {}. Set "
              + "errors.deadletterqueue.topic.name and errors.tolerance=all to keep such records in a dead letter "
              + "queue",
          name,
          where,
          why);
      return;
    }
    log.warn(
        "figstream dataset sink {}: record {} is left out of the dataset and reported: {}",
        name,
        where,
        why);
    try {
      reporter.report(record, new DataException(why)).get(REPORT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectException("interrupted while reporting " + where, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new ConnectException(
          "figstream dataset sink "
              + name
              + ": could not report "
              + where
              + " to the dead letter queue: "
              + e.getMessage(),
          e);
    }
  }

  private ErrantRecordReporter errantRecordReporter() {
    try {
      return context.errantRecordReporter();
    } catch (NoSuchMethodError | NoClassDefFoundError e) {
      return null; // a worker whose Connect API predates the errant record reporter
    }
  }

  private static String codeSource() {
    var source = DatasetSinkTask.class.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null
        ? "an unknown location"
        : source.getLocation().toString();
  }
}
