package org.figstream.processors.embed;

import java.time.Duration;

/**
 * Which encoders run and how their work is batched.
 *
 * @param imageModel a built-in name ({@value BuiltinModels#IMAGE}), a descriptor file, or {@code
 *     none}
 * @param textModel a built-in name ({@value BuiltinModels#TEXT}), a descriptor file, or {@code
 *     none}
 * @param accelerator where the models run
 * @param batchSize the most inputs one model call sees
 * @param batchWait how long a batch may wait to fill before it runs anyway
 * @param concurrency how many batches of one model may run at once
 * @param lengthBuckets whether a batch of texts runs as calls of texts of similar token length
 *     instead of one call padded to its longest text (same vectors, less work)
 */
public record EmbeddingSettings(
    String imageModel,
    String textModel,
    Accelerator accelerator,
    int batchSize,
    Duration batchWait,
    int concurrency,
    boolean lengthBuckets) {
  public static final String NONE = "none";

  /** With length buckets, the default. */
  public EmbeddingSettings(
      String imageModel,
      String textModel,
      Accelerator accelerator,
      int batchSize,
      Duration batchWait,
      int concurrency) {
    this(imageModel, textModel, accelerator, batchSize, batchWait, concurrency, true);
  }

  public static EmbeddingSettings defaults() {
    return new EmbeddingSettings(
        BuiltinModels.IMAGE, BuiltinModels.TEXT, Accelerator.CPU, 16, Duration.ofMillis(20), 1);
  }
}
