package org.figstream.processors.api;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Time spent in each stage of the pipeline, one timer per stage, on Micrometer's global registry
 * (the app joins its own to it): what a load run reads to say where the time goes. Each stage times
 * the work itself, not the waiting between: the model call, not its queue; a processor's {@code
 * process}, not the poll. Only {@code fetch} is wall time of I/O.
 */
public final class StageTimes {
  public static final String METRIC = "figstream.stage.duration";

  /** The article XML and its media downloaded (wall time, per article version). */
  public static final String FETCH = "fetch";

  /** JATS extraction (per article version). */
  public static final String EXTRACT = "extract";

  /** Image normalisation: decode, resize, hash (per figure with an image). */
  public static final String IMAGE = "image";

  /** Encoder calls, image and caption (per model batch). */
  public static final String EMBED = "embed";

  /** The labeller's verdict from the vectors (per figure). */
  public static final String LABEL = "label";

  /** The dedup processor (per enriched article). */
  public static final String DEDUP = "dedup";

  /** The pair ledger processor (per enriched article or withdrawal). */
  public static final String LEDGER = "ledger";

  /** The dataset sink's commit: Parquet shards and manifest (per commit). */
  public static final String SINK = "sink";

  public static final List<String> ALL =
      List.of(FETCH, EXTRACT, IMAGE, EMBED, LABEL, DEDUP, LEDGER, SINK);

  private static final Map<String, Timer> TIMERS =
      ALL.stream()
          .collect(
              Collectors.toUnmodifiableMap(
                  Function.identity(),
                  stage ->
                      Timer.builder(METRIC).tag("stage", stage).register(Metrics.globalRegistry)));

  private StageTimes() {}

  public static void record(String stage, long nanos) {
    TIMERS.get(stage).record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Nanoseconds since {@code started} (a {@link System#nanoTime()}), recorded for {@code stage}.
   */
  public static void since(String stage, long started) {
    record(stage, System.nanoTime() - started);
  }
}
