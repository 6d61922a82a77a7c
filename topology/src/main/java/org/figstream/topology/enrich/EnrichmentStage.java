package org.figstream.topology.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.records.Announcement;
import org.figstream.records.DeadLetter;
import org.figstream.records.Topics;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.schema.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stage between the gate and the ledger, on plain Kafka clients around Reactor (reactor-kafka
 * is discontinued). It polls a batch of requests, enriches them concurrently (bounded) with results
 * kept in input order, so versions of one article stay in order, then writes the results and the
 * batch's offsets in one transaction: an input counts as done only once its outputs are, and a
 * crash redoes the batch without duplicates downstream. Its own thread waits on the batch; no
 * Streams thread does. After an error it starts over with new clients from the last committed
 * offsets; only after {@value #MAX_CONSECUTIVE_RESTARTS} restarts without a committed batch in
 * between, or when another instance has taken over its transactional id, does it stop and report
 * why.
 */
public final class EnrichmentStage implements AutoCloseable {
  public static final String GROUP = "figstream-enrichment";
  public static final String ARTICLES_METRIC = "figstream.enrichment.articles";
  public static final String FIGURES_METRIC = "figstream.enrichment.figures";
  public static final String DEAD_LETTERS_METRIC = "figstream.dead.letters";
  public static final String RESTARTS_METRIC = "figstream.enrichment.restarts";

  /** Requests put back to be fetched again later because their source was down. */
  public static final String DEFERRED_METRIC = "figstream.enrichment.deferred";

  /** Partitions of requests held back, waiting for a source to come back. */
  public static final String WAITING_METRIC = "figstream.enrichment.waiting.partitions";

  /** Per article version, enriched or not; the app's registry publishes it as a histogram. */
  public static final String DURATION_METRIC = "figstream.enrichment.duration";

  /**
   * From the announcement's timestamp (the gate forwards it unchanged) to the enriched result's
   * commit; the ledger publishes it on figures within a Streams commit interval after.
   */
  public static final String LATENCY_METRIC = "figstream.pipeline.latency";

  static final int MAX_CONSECUTIVE_RESTARTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(EnrichmentStage.class);

  private final Enrichment enrichment;
  private final int concurrency;
  private final Map<String, Object> consumerConfig = new HashMap<>();
  private final Map<String, Object> producerConfig = new HashMap<>();
  private final StageOutputs outputs = new StageOutputs();
  private final StageMeters meters;
  private final SourceWaits waits = new SourceWaits();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread = new Thread(this::loop, "figstream-enrichment");
  private KafkaConsumer<String, Announcement> consumer;
  private KafkaProducer<String, byte[]> producer;

  public EnrichmentStage(
      Map<String, Object> kafka,
      Enrichment enrichment,
      int concurrency,
      String instanceId,
      MeterRegistry metrics) {
    this.enrichment = enrichment;
    this.concurrency = concurrency;
    this.meters = new StageMeters(metrics, waiting);
    consumerConfig.putAll(kafka);
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // a batch's results are published together, when its slowest article is done: at most twice
    // the concurrency keeps that wait short (64 made every result wait ~50 s on 2 cores)
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize(concurrency));
    producerConfig.putAll(kafka);
    producerConfig.put(
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "figstream-enrichment-" + instanceId);
    // an article's result carries its normalised images: megabytes, not the 1 MB default
    producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.MAX_MESSAGE_BYTES);
  }

  public void start() {
    connect();
    thread.start();
  }

  /** Partitions held back, waiting for their source to come back. */
  public int waitingForSource() {
    return waiting.get();
  }

  /** Why the stage stopped on its own, or null while it runs. */
  public Throwable failure() {
    return failure.get();
  }

  private void connect() {
    consumer =
        new KafkaConsumer<>(
            consumerConfig, new StringDeserializer(), TopicSerdes.announcements().deserializer());
    producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
    producer
        .initTransactions(); // fences a previous producer of this id, aborting what it left open
    consumer.subscribe(List.of(Topics.ENRICH_REQUESTS));
    waits.clear();
    waiting.set(0);
  }

  private void disconnect() {
    try {
      producer.close(Duration.ofSeconds(5));
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void loop() {
    int consecutive = 0;
    while (running.get()) {
      try {
        pollOnce();
        consecutive = 0;
      } catch (RuntimeException e) {
        if (e instanceof ProducerFencedException || ++consecutive > MAX_CONSECUTIVE_RESTARTS) {
          failure.set(e);
          return;
        }
        meters.restarted();
        LOG.warn(
            "enrichment stage failed ({}), restarting from the committed offsets ({} of {})",
            e.toString(),
            consecutive,
            MAX_CONSECUTIVE_RESTARTS);
        restart(consecutive);
      }
    }
  }

  private void restart(int attempt) {
    try {
      disconnect(); // closing aborts the open transaction: its outputs never become visible
      Thread.sleep(Math.min(10_000, 500L << attempt));
      connect();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    } catch (RuntimeException e) {
      LOG.warn("enrichment stage could not reconnect: {}", e.toString());
    }
  }

  /** Requests one transaction takes at most. */
  static int batchSize(int concurrency) {
    return 2 * concurrency;
  }

  private void pollOnce() {
    waits.resumeDue(consumer);
    waiting.set(waits.waiting());
    List<ConsumerRecord<String, Announcement>> batch = new ArrayList<>();
    try {
      consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
    } catch (RecordDeserializationException e) {
      skipUndecodable(e);
      return;
    }
    if (batch.isEmpty()) {
      return;
    }
    List<Enrichment.Result> results =
        Flux.fromIterable(batch)
            .flatMapSequential(r -> timed(r.value()), concurrency)
            .collectList()
            .block();
    // a request whose source was down is not given up: it and what follows it in its partition
    // are neither published nor committed, and are fetched again after a wait
    Map<TopicPartition, Long> held = SourceWaits.firstUnavailable(batch, results);
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    List<Enrichment.Result> done = new ArrayList<>();
    List<ConsumerRecord<String, Announcement>> doneRecords = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      ConsumerRecord<String, Announcement> r = batch.get(i);
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      Long heldAt = held.get(tp);
      if (heldAt == null || r.offset() < heldAt) {
        offsets.put(tp, new OffsetAndMetadata(r.offset() + 1));
        done.add(results.get(i));
        doneRecords.add(r);
      }
    }
    held.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
    producer.beginTransaction();
    List<DeadLetter> deadLetters = new ArrayList<>();
    for (Enrichment.Result result : done) {
      deadLetters.addAll(result.deadLetters());
      DeadLetter added = outputs.send(producer, result);
      if (added != null) {
        deadLetters.add(added);
      }
    }
    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
    producer.commitTransaction();
    meters.committed(done, deadLetters, doneRecords, System.currentTimeMillis());
    meters.deferred(waits.hold(consumer, held, batch, results));
    waiting.set(waits.waiting());
  }

  private Mono<Enrichment.Result> timed(Announcement a) {
    return Mono.defer(
        () -> {
          Timer.Sample started = Timer.start();
          return enrichment.enrich(a).doFinally(signal -> started.stop(meters.duration()));
        });
  }

  /**
   * A request that is not an announcement (a foreign producer, a newer schema): dead letter, then
   * past it.
   */
  private void skipUndecodable(RecordDeserializationException e) {
    producer.beginTransaction();
    outputs.deadLetter(
        producer,
        new DeadLetter(
            "enrich",
            "undecodable-record",
            e.getMessage(),
            e.topicPartition() + "@" + e.offset(),
            null,
            1,
            Instant.now()));
    producer.sendOffsetsToTransaction(
        Map.of(e.topicPartition(), new OffsetAndMetadata(e.offset() + 1)),
        consumer.groupMetadata());
    producer.commitTransaction();
    consumer.seek(e.topicPartition(), e.offset() + 1);
    meters.deadLetter("enrich");
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (consumer != null) {
      disconnect();
    }
  }
}
