package org.figstream.connectors.sink.connect;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.figstream.connectors.sink.TopicRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the task's records that the sink cannot take go: Connect's errant record reporter (the dead
 * letter queue) when the worker has one, else an error in the log. The reporter needs the Connect
 * record, so the task keeps the batch being written here.
 */
final class RejectedRecords {
  // the task's logger, so that these lines keep the name operators already filter on
  private static final Logger log = LoggerFactory.getLogger(DatasetSinkTask.class);

  private static final long REPORT_TIMEOUT_SECONDS = 60;

  private final String name;
  private final ErrantRecordReporter reporter;

  /** The Connect records of the batch being written, for the errant record reporter. */
  private final Map<TopicRecord, SinkRecord> inFlight = new IdentityHashMap<>();

  RejectedRecords(String name, SinkTaskContext context) {
    this.name = name;
    this.reporter = errantRecordReporter(context);
  }

  /** Whether rejected records go to the errant record reporter, not only to the log. */
  boolean reported() {
    return reporter != null;
  }

  /** Keeps the Connect record {@code t} came from until {@link #clear}. */
  void track(TopicRecord t, SinkRecord record) {
    inFlight.put(t, record);
  }

  /** Forgets the batch written. */
  void clear() {
    inFlight.clear();
  }

  /**
   * A record the sink cannot take: to Connect's errant record reporter (the dead letter queue),
   * waiting until it is written there, since the manifest may move past it at the next commit;
   * without a reporter, an error in the log that names it.
   */
  void rejected(TopicRecord t, String why) {
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

  private static ErrantRecordReporter errantRecordReporter(SinkTaskContext context) {
    try {
      return context.errantRecordReporter();
    } catch (NoSuchMethodError | NoClassDefFoundError e) {
      return null; // a worker whose Connect API predates the errant record reporter
    }
  }
}
