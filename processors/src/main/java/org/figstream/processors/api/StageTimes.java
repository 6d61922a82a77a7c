package org.figstream.processors.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Time spent in each stage of the pipeline, one plain timer (count and sum, no histogram) per stage
 * on the registry it is made for: what a load run reads to say where the time goes. Each stage
 * times its own work, not the waiting between stages: the model call, not its queue; a processor's
 * {@code process}, not the poll. Only {@code fetch} is wall time of I/O. Whoever runs a stage is
 * handed one ({@link #on}); {@link #NONE} records nothing.
 */
public final class StageTimes {
  public static final String METRIC = "figstream.stage.duration";

  /**
   * The article XML and its media downloaded (per article version whose fetch completes, wall time
   * from subscription to the outcome, waits for the rate limit and retries included).
   */
  public static final String FETCH = "fetch";

  /** JATS extraction (per fetched article version). */
  public static final String EXTRACT = "extract";

  /** Image normalisation: decode, resize, hash (per figure with a media file). */
  public static final String IMAGE = "image";

  /** Encoder model calls, image and caption (per model batch; not the queueing before it). */
  public static final String EMBED = "embed";

  /** The labeller's verdict from the vectors (per figure labelled). */
  public static final String LABEL = "label";

  /** The dedup processor's {@code process} (per record on enriched). */
  public static final String DEDUP = "dedup";

  /** The pair ledger processor's {@code process} (per record from dedup). */
  public static final String LEDGER = "ledger";

  /** The dataset sink's commit: Parquet shards finished, manifest written (per commit). */
  public static final String SINK = "sink";

  public static final List<String> ALL =
      List.of(FETCH, EXTRACT, IMAGE, EMBED, LABEL, DEDUP, LEDGER, SINK);

  /** Records nothing: for a stage run without metrics (tests, {@code figstream enrich}). */
  public static final StageTimes NONE = new StageTimes(Map.of());

  private final Map<String, Timer> timers;

  private StageTimes(Map<String, Timer> timers) {
    this.timers = timers;
  }

  /** Every stage's timer registered on {@code registry} now, so each series exists at 0. */
  public static StageTimes on(MeterRegistry registry) {
    return new StageTimes(
        ALL.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(),
                    stage -> Timer.builder(METRIC).tag("stage", stage).register(registry))));
  }

  public void record(String stage, long nanos) {
    if (!ALL.contains(stage)) {
      throw new IllegalArgumentException("not a stage: " + stage);
    }
    Timer timer = timers.get(stage);
    if (timer != null) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Nanoseconds since {@code started} (a {@link System#nanoTime()}), recorded for {@code stage}.
   */
  public void since(String stage, long started) {
    record(stage, System.nanoTime() - started);
  }

  /** Runs {@code work} and records its time for {@code stage}, whether it returns or throws. */
  public void time(String stage, Runnable work) {
    long started = System.nanoTime();
    try {
      work.run();
    } finally {
      since(stage, started);
    }
  }
}
