package org.figstream.loadtest;

import java.time.Duration;
import org.figstream.processors.embed.Accelerator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.EmbeddingSettings;

/**
 * The two embedding settings, A and B, that each of {@link HotPathReport}'s comparisons sets side
 * by side; kept apart so the report's command line names a comparison and this says what it means.
 */
record HotPathSettings(EmbeddingSettings a, EmbeddingSettings b) {

  /** A and B for a comparison named on the command line. */
  static HotPathSettings of(String comparison) {
    EmbeddingSettings base = settings(Accelerator.CPU, 16, 1, true);
    return switch (comparison) {
      case "spinning" -> new HotPathSettings(with(base, true, false), with(base, false, false));
      case "buckets" -> new HotPathSettings(with(base, false, false), with(base, false, true));
      case "all" -> new HotPathSettings(with(base, true, false), base);
      case "threads" ->
          new HotPathSettings(
              base, settings(new Accelerator("cpu", 0, false, null, 1, false), 16, 2, true));
      case "cli" ->
          new HotPathSettings(
              with(base, true, false),
              settings(
                  new Accelerator("cpu", 0, false, null, 1, false),
                  16,
                  Runtime.getRuntime().availableProcessors(),
                  true));
      case "batch32" -> new HotPathSettings(base, settings(base.accelerator(), 32, 1, true));
      default ->
          throw new IllegalArgumentException(
              "spinning, buckets, all, threads, cli or batch32: " + comparison);
    };
  }

  private static EmbeddingSettings with(EmbeddingSettings s, boolean spinning, boolean buckets) {
    return settings(
        s.accelerator().withSpinning(spinning), s.batchSize(), s.concurrency(), buckets);
  }

  /** The built-in encoders, batches waiting at most 20 ms, and the rest as given. */
  private static EmbeddingSettings settings(
      Accelerator accelerator, int batchSize, int concurrency, boolean buckets) {
    return new EmbeddingSettings(
        BuiltinModels.IMAGE,
        BuiltinModels.TEXT,
        accelerator,
        batchSize,
        Duration.ofMillis(20),
        concurrency,
        buckets);
  }
}
