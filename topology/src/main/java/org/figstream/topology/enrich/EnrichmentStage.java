package org.figstream.topology.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private final StageClients clients;
  private final StageMeters meters;
  private final EnrichmentBatch batch;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread = new Thread(this::loop, "figstream-enrichment");

  public EnrichmentStage(
      Map<String, Object> kafka,
      Enrichment enrichment,
      int concurrency,
      String instanceId,
      MeterRegistry metrics) {
    this.meters = new StageMeters(metrics, waiting);
    this.clients = new StageClients(kafka, concurrency, instanceId);
    this.batch = new EnrichmentBatch(enrichment, concurrency, clients, meters, waiting);
  }

  public void start() {
    connect();
    thread.start();
  }

  /** Partitions held back, waiting for their source to come back. */
  public int waitingForSource() {
    return waiting.get();
  }

  /**
   * Requests enriched since the start, their batch committed or not: a count that moves while the
   * stage works, for a wait that must tell a long backlog from a stuck stage.
   */
  public long progress() {
    return batch.enriched();
  }

  /** Why the stage stopped on its own, or null while it runs. */
  public Throwable failure() {
    return failure.get();
  }

  private void connect() {
    clients.connect();
    batch.reset();
  }

  private void loop() {
    int consecutive = 0;
    while (running.get()) {
      try {
        batch.pollOnce();
        consecutive = 0;
      } catch (Error e) {
        // out of memory, a native library that failed to link: no restart mends these, and a
        // wait for the pipeline to settle must say why it never will
        failure.set(e);
        throw e;
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
      // closing aborts the open transaction: its outputs never become visible
      clients.disconnect();
      Thread.sleep(Math.min(10_000, 500L << attempt));
      connect();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    } catch (RuntimeException e) {
      LOG.warn("enrichment stage could not reconnect: {}", e.toString());
    }
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (clients.connected()) {
      clients.disconnect();
    }
  }
}
