package org.figstream.processors.embed;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.figstream.processors.api.StageTimes;
import org.figstream.records.Embedding;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The encoders behind micro-batchers: callers ask for one vector at a time and model calls see
 * batches. Image preprocessing runs on the parallel scheduler, so it overlaps the inference of the
 * batch before. Either encoder may be absent ({@code none}); its vectors are then empty monos.
 */
public final class Embedder implements AutoCloseable {
  private final ImageEncoder image;
  private final TextEncoder text;
  private final MicroBatcher<float[], float[]> images;
  private final MicroBatcher<String, float[]> texts;

  public Embedder(ImageEncoder image, TextEncoder text, EmbeddingSettings settings) {
    this(image, text, settings, StageTimes.NONE);
  }

  /** With each model call's time recorded as the {@code embed} stage on {@code times}. */
  public Embedder(
      ImageEncoder image, TextEncoder text, EmbeddingSettings settings, StageTimes times) {
    LongConsumer modelCalls = nanos -> times.record(StageTimes.EMBED, nanos);
    this.image = image;
    this.text = text;
    this.images =
        image == null
            ? null
            : new MicroBatcher<>(
                "embed-image",
                image::embed,
                settings.batchSize(),
                settings.batchWait(),
                settings.concurrency(),
                modelCalls);
    this.texts =
        text == null
            ? null
            : new MicroBatcher<>(
                "embed-text",
                batch -> text.embed(batch, TextRole.CAPTION),
                settings.batchSize(),
                settings.batchWait(),
                settings.concurrency(),
                modelCalls);
  }

  /**
   * Loads the encoders the settings name; a model that cannot load fails here, not on the first
   * figure.
   */
  public static Embedder open(EmbeddingSettings settings) {
    return open(settings, StageTimes.NONE);
  }

  /** As {@link #open(EmbeddingSettings)}, timing the model calls as the {@code embed} stage. */
  public static Embedder open(EmbeddingSettings settings, StageTimes times) {
    NativeCache.configure();
    ImageEncoder image =
        settings.imageModel().equals(EmbeddingSettings.NONE)
            ? null
            : new OnnxImageEncoder(
                BuiltinModels.resolve(settings.imageModel()), settings.accelerator());
    try {
      TextEncoder text =
          settings.textModel().equals(EmbeddingSettings.NONE)
              ? null
              : new OnnxTextEncoder(
                  BuiltinModels.resolve(settings.textModel()),
                  settings.accelerator(),
                  settings.lengthBuckets());
      return new Embedder(image, text, settings, times);
    } catch (RuntimeException e) {
      if (image != null) {
        image.close();
      }
      throw e;
    }
  }

  public ImageEncoder imageEncoder() {
    return image;
  }

  public TextEncoder textEncoder() {
    return text;
  }

  /**
   * The vector of the image that {@code source} gives, asked for on the parallel scheduler once per
   * subscription. The image is referenced only until it is preprocessed; the callable itself stays
   * referenced until the vector comes back, so it should decode or hand over its image, not hold
   * one.
   */
  public Mono<Embedding> image(Callable<BufferedImage> source) {
    if (image == null) {
      return Mono.empty();
    }
    return Mono.fromCallable(() -> image.preprocess(source.call()))
        .subscribeOn(Schedulers.parallel())
        .flatMap(images::submit)
        .map(v -> new Embedding(image.descriptor().name(), v));
  }

  public Mono<Embedding> text(String input) {
    if (text == null) {
      return Mono.empty();
    }
    return texts.submit(input).map(v -> new Embedding(text.descriptor().name(), v));
  }

  /** Vectors of several texts, in order; they may land in different batches. */
  public Mono<List<Embedding>> texts(List<String> inputs) {
    if (text == null || inputs.isEmpty()) {
      return Mono.just(List.of());
    }
    return Flux.fromIterable(inputs).flatMapSequential(this::text).collectList();
  }

  /**
   * Closes each encoder once its batcher has no batch running; one still running after the wait
   * keeps its encoder open (native memory left to the exiting JVM rather than a crash).
   */
  @Override
  public void close() {
    if (images != null && images.drain(MicroBatcher.DRAIN_TIMEOUT)) {
      image.close();
    }
    if (texts != null && texts.drain(MicroBatcher.DRAIN_TIMEOUT)) {
      text.close();
    }
  }
}
