package org.figstream.processors.embed;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Gathers single requests into batches of at most {@code maxBatch}, waiting at most {@code maxWait}
 * for a batch to fill, and runs each batch on its own bounded scheduler, so that model calls see
 * batches while callers keep preprocessing on theirs. A batch that fails is retried one item at a
 * time, so one bad input fails only its own request.
 */
public final class MicroBatcher<I, O> implements AutoCloseable {
  private record Job<I, O>(I input, Sinks.One<O> result) {}

  /** Inputs per model call, by batcher ({@code embed-image}, {@code embed-text}). */
  public static final String BATCH_SIZE_METRIC = "figstream.embedding.batch.size";

  /** Time of one model call, by batcher. */
  public static final String BATCH_DURATION_METRIC = "figstream.embedding.batch.duration";

  private final Function<List<I>, List<O>> model;
  private final DistributionSummary sizes;
  private final Timer durations;
  private final LongConsumer modelCalls;
  private final Sinks.Many<Job<I, O>> queue = Sinks.many().unicast().onBackpressureBuffer();
  private final Scheduler inference;
  private final Disposable loop;
  private final CountDownLatch finished = new CountDownLatch(1);

  public MicroBatcher(
      String name,
      Function<List<I>, List<O>> model,
      int maxBatch,
      Duration maxWait,
      int concurrency) {
    this(name, model, maxBatch, maxWait, concurrency, nanos -> {});
  }

  /**
   * @param modelCalls told the nanoseconds of each model call that returned (the stage's own time)
   */
  public MicroBatcher(
      String name,
      Function<List<I>, List<O>> model,
      int maxBatch,
      Duration maxWait,
      int concurrency,
      LongConsumer modelCalls) {
    if (maxBatch < 1 || concurrency < 1 || maxWait.isNegative()) {
      throw new IllegalArgumentException(
          "batch size and concurrency must be positive, wait not negative");
    }
    this.model = model;
    this.modelCalls = modelCalls;
    // the global registry: the app joins its own to it, a library user may; unjoined it costs
    // nothing
    this.sizes =
        DistributionSummary.builder(BATCH_SIZE_METRIC)
            .tag("batcher", name)
            .register(Metrics.globalRegistry);
    this.durations =
        Timer.builder(BATCH_DURATION_METRIC).tag("batcher", name).register(Metrics.globalRegistry);
    this.inference = Schedulers.newBoundedElastic(concurrency, Integer.MAX_VALUE, name);
    // fairBackpressure: without it a timer-closed batch that finds no demand fails the whole flux.
    // A zero wait still needs a timer, or the last requests would wait for a batch that never
    // fills.
    Duration wait = maxWait.isZero() ? Duration.ofMillis(1) : maxWait;
    this.loop =
        queue
            .asFlux()
            .bufferTimeout(maxBatch, wait, true)
            .flatMap(
                batch -> Mono.fromRunnable(() -> run(batch)).subscribeOn(inference), concurrency)
            .doFinally(signal -> finished.countDown())
            .subscribe();
  }

  /** The result for one input, computed in some batch; errors only if this input itself fails. */
  public Mono<O> submit(I input) {
    return Mono.defer(
        () -> {
          Sinks.One<O> result = Sinks.one();
          Sinks.EmitResult emitted = queue.tryEmitNext(new Job<>(input, result));
          while (emitted == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
            emitted = queue.tryEmitNext(new Job<>(input, result));
          }
          if (emitted.isFailure()) {
            return Mono.error(new IllegalStateException("batcher is closed (" + emitted + ")"));
          }
          return result.asMono();
        });
  }

  private void run(List<Job<I, O>> batch) {
    List<I> inputs = new ArrayList<>(batch.size());
    batch.forEach(job -> inputs.add(job.input()));
    try {
      long started = System.nanoTime();
      List<O> outputs = model.apply(inputs);
      long took = System.nanoTime() - started;
      durations.record(took, TimeUnit.NANOSECONDS);
      modelCalls.accept(took);
      sizes.record(inputs.size());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().tryEmitValue(outputs.get(i));
      }
    } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
      // the Errors too: thrown on, they would end the batcher's loop and leave its callers (an
      // enrichment batch) waiting for ever; each caller gets an answer, the bad input an error.
      // (Out of memory ends the JVM: ExitOnOutOfMemoryError.)
      if (batch.size() == 1) {
        batch.get(0).result().tryEmitError(e);
        return;
      }
      for (Job<I, O> job : batch) {
        run(List.of(job));
      }
    }
  }

  /** How long {@link #close()} waits for a running batch; a model call takes seconds at most. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  /** Stops batching and waits for the batch that runs; see {@link #drain(Duration)}. */
  @Override
  public void close() {
    drain(DRAIN_TIMEOUT);
  }

  /**
   * Takes no more batches and waits up to {@code timeout} for those that run: the model they call
   * may be closed only after (an ONNX session closed under a running call crashes the JVM). False
   * when one still runs, and the caller must leave the model open.
   */
  public boolean drain(Duration timeout) {
    queue.tryEmitComplete(); // the batches queued so far still run, then the loop completes
    boolean drained;
    try {
      drained = finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    loop.dispose();
    inference.dispose();
    return drained;
  }
}
