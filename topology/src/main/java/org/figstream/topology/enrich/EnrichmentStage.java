package org.figstream.topology.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.figstream.api.Article;
import org.figstream.api.feed.Announcement;
import org.figstream.api.feed.DeadLetter;
import org.figstream.topology.TopicSetup;
import org.figstream.topology.Topics;
import org.figstream.topology.ledger.EnrichedArticle;
import org.figstream.topology.schema.TopicSerdes;
import reactor.core.publisher.Flux;

/**
 * The stage between the gate and the ledger, on plain Kafka clients around Reactor (reactor-kafka is
 * discontinued). It polls a batch of requests, enriches them concurrently (bounded) with results kept
 * in input order, so versions of one article stay in order, then writes the results and the batch's
 * offsets in one transaction: an input counts as done only once its outputs are, and a crash redoes
 * the batch without duplicates downstream. Its own thread waits on the batch; no Streams thread does.
 */
public final class EnrichmentStage implements AutoCloseable {
  public static final String GROUP = "figstream-enrichment";
  public static final String ARTICLES_METRIC = "figstream.enrichment.articles";
  public static final String FIGURES_METRIC = "figstream.enrichment.figures";
  public static final String DEAD_LETTERS_METRIC = "figstream.dead.letters";

  private final MeterRegistry metrics;
  private final Counter articles;
  private final Counter failedArticles;
  private final Counter figures;

  private final Enrichment enrichment;
  private final int concurrency;
  private final KafkaConsumer<String, Announcement> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final java.util.concurrent.atomic.AtomicReference<Throwable> failure =
      new java.util.concurrent.atomic.AtomicReference<>();
  private final Thread thread;
  private final Serde<EnrichedArticle> enrichedSerde = TopicSerdes.enriched();
  private final Serde<Article> articleSerde = TopicSerdes.articles();
  private final Serde<DeadLetter> deadLetterSerde = TopicSerdes.deadLetters();

  public EnrichmentStage(Map<String, Object> kafka, Enrichment enrichment, int concurrency, String instanceId,
      MeterRegistry metrics) {
    this.enrichment = enrichment;
    this.articles = metrics.counter(ARTICLES_METRIC, "outcome", "enriched");
    this.failedArticles = metrics.counter(ARTICLES_METRIC, "outcome", "dead-letter");
    this.figures = metrics.counter(FIGURES_METRIC);
    this.metrics = metrics;
    this.concurrency = concurrency;
    Map<String, Object> c = new HashMap<>(kafka);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 64);
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), TopicSerdes.announcements().deserializer());
    Map<String, Object> p = new HashMap<>(kafka);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "figstream-enrichment-" + instanceId);
    // an article's result carries its normalised images: megabytes, not the 1 MB default
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicSetup.MAX_MESSAGE_BYTES);
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    thread = new Thread(this::loop, "figstream-enrichment");
  }

  public void start() {
    producer.initTransactions();
    consumer.subscribe(List.of(Topics.ENRICH_REQUESTS));
    thread.start();
  }

  /** Why the stage stopped on its own, or null while it runs. */
  public Throwable failure() {
    return failure.get();
  }

  private void loop() {
    try {
      pollLoop();
    } catch (RuntimeException e) {
      // a producer in error state cannot be reused: stop, and let the pipeline report it rather than hang
      failure.set(e);
      try {
        producer.abortTransaction();
      } catch (RuntimeException ignored) {
        // the transaction is already lost; the inputs stay uncommitted and are redone on restart
      }
    }
  }

  private void pollLoop() {
    while (running.get()) {
      List<ConsumerRecord<String, Announcement>> batch = new ArrayList<>();
      consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
      if (batch.isEmpty()) {
        continue;
      }
      List<Enrichment.Result> results = Flux.fromIterable(batch)
          .flatMapSequential(r -> enrichment.enrich(r.value()), concurrency)
          .collectList().block();
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      for (ConsumerRecord<String, Announcement> r : batch) {
        offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
      }
      producer.beginTransaction();
      for (Enrichment.Result result : results) {
        send(result);
      }
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      producer.commitTransaction();
      count(results); // after the commit: an aborted batch is redone and must not count twice
    }
  }

  private void count(List<Enrichment.Result> results) {
    for (Enrichment.Result r : results) {
      (r.enriched() == null ? failedArticles : articles).increment();
      if (r.enriched() != null) {
        figures.increment(r.enriched().figures().size());
      }
      for (DeadLetter d : r.deadLetters()) {
        metrics.counter(DEAD_LETTERS_METRIC, "stage", d.stage()).increment();
      }
    }
  }

  private void send(Enrichment.Result r) {
    String key = r.request().pmcid();
    for (DeadLetter d : r.deadLetters()) {
      producer.send(new ProducerRecord<>(Topics.DLQ, key, deadLetterSerde.serializer().serialize(Topics.DLQ, d)));
    }
    if (r.enriched() == null) {
      return;
    }
    producer.send(new ProducerRecord<>(Topics.ARTICLES, key, articleSerde.serializer().serialize(Topics.ARTICLES, r.article())));
    producer.send(new ProducerRecord<>(Topics.ENRICHED, key, enrichedSerde.serializer().serialize(Topics.ENRICHED, r.enriched())));
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
    producer.close();
  }
}
