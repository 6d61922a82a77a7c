package org.figstream.runtime.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.figstream.connectors.sink.DatasetSink;
import org.figstream.connectors.sink.FaultPoint;
import org.figstream.connectors.sink.SinkSettings;
import org.figstream.connectors.sink.TopicRecord;
import org.figstream.processors.api.StageTimes;
import org.figstream.records.Headers;
import org.figstream.runtime.StallWatch;

/**
 * Runs the dataset sink inside {@code figstream run}: one thread owns the sink and a read_committed
 * consumer of {@code figures} and {@code articles}, positioned from the dataset's manifest rather
 * than from Kafka's committed offsets (the manifest is what says which rows the files hold). Other
 * threads ask it to flush or compact through {@link #call}, so the sink never sees two threads.
 */
public final class DatasetSinkRunner implements AutoCloseable {
  private final Map<String, Object> kafka;
  private final DatasetSink sink;
  private final SinkMeters meters;
  private final ConcurrentLinkedQueue<Runnable> requests = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Throwable failure;
  // owned by the sink's thread
  private Throwable requestFailure;
  private KafkaConsumer<String, byte[]> consumer;
  private SinkDeadLetters deadLetters;

  public DatasetSinkRunner(Map<String, Object> kafka, SinkSettings settings, FaultPoint.Hook faults)
      throws Exception {
    this(kafka, settings, faults, new SimpleMeterRegistry());
  }

  /**
   * With its meters (records read, dead letters, the manifest's generation and commit time, and the
   * time of each commit as the {@code sink} stage) on {@code metrics}.
   */
  public DatasetSinkRunner(
      Map<String, Object> kafka,
      SinkSettings settings,
      FaultPoint.Hook faults,
      MeterRegistry metrics)
      throws Exception {
    this.kafka = Map.copyOf(kafka);
    StageTimes times = StageTimes.on(metrics);
    this.sink =
        DatasetSink.openTimingCommits(
            settings, faults, this::reject, nanos -> times.record(StageTimes.SINK, nanos));
    this.meters = new SinkMeters(metrics, settings, sink.manifest());
    this.thread = new Thread(this::loop, "figstream-dataset-sink");
    thread.setDaemon(true);
  }

  public DatasetSinkRunner start() {
    thread.start();
    return this;
  }

  /** Runs {@code work} on the sink's thread and waits for it. */
  public <T> T call(SinkWork<T> work, Duration timeout) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    requests.add(
        () -> {
          try {
            result.complete(work.apply(sink));
          } catch (Throwable e) {
            result.completeExceptionally(e);
            requestFailure = e;
          }
        });
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return result.get(100, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof Exception ex ? ex : e;
      } catch (java.util.concurrent.TimeoutException e) {
        // a thread that died after draining its queue never runs this request: say so now, not at
        // the timeout
        if (!thread.isAlive()) {
          throw new IllegalStateException(
              "the dataset sink stopped" + (failure == null ? "" : ": " + failure.getMessage()),
              failure);
        }
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  /** What the sink's thread runs for another thread. */
  @FunctionalInterface
  public interface SinkWork<T> {
    T apply(DatasetSink sink) throws Exception;
  }

  /**
   * Waits until the sink has read everything committed on its topics, then commits every open
   * shard. However long the reading takes while it moves (a new dataset reads the whole topic);
   * {@code timeout} is how long it may read nothing with records left.
   */
  public void catchUpAndCommit(Duration timeout) throws Exception {
    StallWatch stalls = new StallWatch(timeout);
    while (true) {
      if (failure != null) {
        throw new IllegalStateException(
            "the dataset sink stopped: " + failure.getMessage(), failure);
      }
      long behind = call(s -> positionIfBehind(), timeout);
      if (behind < 0) {
        call(
            s -> {
              s.commitAll();
              return null;
            },
            timeout);
        return;
      }
      if (stalls.stalled(behind, false, System.nanoTime())) {
        throw new IllegalStateException(
            "the dataset sink did not catch up: records are left and it read none for " + timeout);
      }
      Thread.sleep(100);
    }
  }

  public Throwable failure() {
    return failure;
  }

  private void loop() {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 << 20);
    // a manifest's position below the log's start (records deleted, or a topic with retention)
    // reads from the oldest record left, never from the end: the end would skip everything
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<String, byte[]> c =
            new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        SinkDeadLetters dlq = new SinkDeadLetters(kafka)) {
      consumer = c;
      deadLetters = dlq;
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic :
          List.of(sink.settings().figuresTopic(), sink.settings().articlesTopic())) {
        c.partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      c.assign(partitions);
      for (TopicPartition tp : partitions) {
        c.seek(tp, sink.resumeOffset(tp.topic(), tp.partition()));
      }
      while (running) {
        List<TopicRecord> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
          batch.add(
              new TopicRecord(
                  r.topic(),
                  r.partition(),
                  r.offset(),
                  r.timestamp(),
                  r.key(),
                  r.value(),
                  reason(r.headers().lastHeader(Headers.REASON))));
        }
        sink.write(batch);
        sink.rollDue(System.currentTimeMillis());
        for (Runnable request; (request = requests.poll()) != null; ) {
          request.run();
          if (requestFailure != null) {
            // a commit or compaction that failed half-way left the sink's open shards and
            // positions out of step with its manifest: only a sink opened again from disk is sound
            throw requestFailure;
          }
        }
        meters.read(batch, sink.manifest());
      }
    } catch (Throwable e) {
      failure = e;
      // nothing more runs on a sink that failed: the callers waiting see the thread end (call)
      requests.clear();
    } finally {
      sink.close();
    }
  }

  /**
   * -1 at the end of every partition; else how far the sink has read, summed: it grows as it reads.
   */
  private long positionIfBehind() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    long read = 0;
    boolean behind = false;
    for (var e : ends.entrySet()) {
      long position = consumer.position(e.getKey());
      behind |= position < e.getValue();
      read += position;
    }
    return behind ? read : -1;
  }

  private static String reason(Header header) {
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private void reject(TopicRecord r, String why) {
    deadLetters.send(r, why);
    meters.deadLetter();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(30_000);
  }
}
