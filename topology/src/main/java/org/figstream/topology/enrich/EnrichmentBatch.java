package org.figstream.topology.enrich;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.figstream.records.Announcement;
import org.figstream.records.DeadLetter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One round of the enrichment stage: poll a batch, enrich it concurrently in input order, and
 * commit its results with its offsets in one transaction. Kept apart from {@link EnrichmentStage}'s
 * thread and restarts so that what one transaction holds reads in one place.
 */
final class EnrichmentBatch {
  private final Enrichment enrichment;
  private final int concurrency;
  private final StageClients clients;
  private final StageMeters meters;
  private final AtomicInteger waiting;
  private final AtomicLong enriched = new AtomicLong();
  private final StageOutputs outputs = new StageOutputs();
  private final SourceWaits waits = new SourceWaits();

  EnrichmentBatch(
      Enrichment enrichment,
      int concurrency,
      StageClients clients,
      StageMeters meters,
      AtomicInteger waiting) {
    this.enrichment = enrichment;
    this.concurrency = concurrency;
    this.clients = clients;
    this.meters = meters;
    this.waiting = waiting;
  }

  /**
   * Requests enriched so far, their batch committed or not: it moves while a long batch is worked
   * on, which is what tells a busy stage from a stuck one.
   */
  long enriched() {
    return enriched.get();
  }

  /** Forgets the partitions held back: new clients start from the committed offsets. */
  void reset() {
    waits.clear();
    waiting.set(0);
  }

  void pollOnce() {
    KafkaConsumer<String, Announcement> consumer = clients.consumer();
    KafkaProducer<String, byte[]> producer = clients.producer();
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
            .flatMapSequential(r -> resultOf(r.value()), concurrency)
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

  /**
   * A withdrawal is not fetched ({@link Withdrawals}). It comes through the stage, not straight
   * from the gate to enriched, so that it leaves after the article's earlier requests
   * (flatMapSequential keeps input order): a result of theirs written after it would bring the
   * article back. Not timed as an enrichment, and not counted as one ({@link StageMeters}).
   */
  private Mono<Enrichment.Result> resultOf(Announcement a) {
    if (!a.withdraws()) {
      return timed(a);
    }
    // defer, not fromSupplier: flatMapSequential would hold a callable back until its turn, and
    // the withdrawal is done at once; only its output waits for the requests before it
    return Mono.defer(
        () -> {
          enriched.incrementAndGet(); // the stage moved on: progress for a wait to settle
          return Mono.just(Withdrawals.of(a));
        });
  }

  private Mono<Enrichment.Result> timed(Announcement a) {
    return Mono.defer(
        () -> {
          Timer.Sample started = Timer.start();
          return enrichment
              .enrich(a)
              .doFinally(
                  signal -> {
                    started.stop(meters.duration());
                    enriched.incrementAndGet();
                  });
        });
  }

  /**
   * A request that is not an announcement (a foreign producer, a newer schema): dead letter, then
   * past it.
   */
  private void skipUndecodable(RecordDeserializationException e) {
    KafkaConsumer<String, Announcement> consumer = clients.consumer();
    KafkaProducer<String, byte[]> producer = clients.producer();
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
}
