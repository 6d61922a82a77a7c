package org.figstream.loadtest;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.figstream.processors.annotate.Annotation;
import org.figstream.processors.annotate.FigureAnnotator;
import org.figstream.processors.embed.BuiltinModels;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.embed.EmbeddingSettings;
import org.figstream.processors.embed.ImageEncoder;
import org.figstream.processors.embed.OnnxImageEncoder;
import org.figstream.processors.embed.OnnxTextEncoder;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.label.ConceptLabeller;
import org.figstream.processors.label.LabelSettings;
import org.figstream.processors.label.Labellers;
import reactor.core.publisher.Flux;

/**
 * One side of {@link HotPathReport}'s comparison, its encoders and annotator loaded once so that
 * both sides can stay loaded in one JVM and run in alternating passes.
 */
record HotPathVariant(String name, Embedder embedder, FigureAnnotator annotator) {

  /**
   * Loads each encoder on a thread named for it, so that ONNX Runtime's pool threads, which take
   * the name of the thread that made them, can be told apart in /proc.
   */
  static HotPathVariant open(String name, EmbeddingSettings s) throws Exception {
    ImageEncoder image =
        onThread(
            "ort" + name + "-image",
            () -> new OnnxImageEncoder(BuiltinModels.resolve(s.imageModel()), s.accelerator()));
    TextEncoder text =
        onThread(
            "ort" + name + "-text",
            () ->
                new OnnxTextEncoder(
                    BuiltinModels.resolve(s.textModel()), s.accelerator(), s.lengthBuckets()));
    Embedder embedder = new Embedder(image, text, s);
    ConceptLabeller labeller = Labellers.create(LabelSettings.defaults(), image, text);
    return new HotPathVariant(name, embedder, new FigureAnnotator(embedder, labeller));
  }

  private static <T> T onThread(String name, Supplier<T> make) throws InterruptedException {
    AtomicReference<T> made = new AtomicReference<>();
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                made.set(make.get());
              } catch (RuntimeException e) {
                failed.set(e);
              }
            },
            name);
    t.start();
    t.join();
    if (failed.get() != null) {
      throw failed.get();
    }
    return made.get();
  }

  /** One pass: every sample annotated, in order. */
  List<Annotation> annotate(List<HotPathSample> samples) {
    return Flux.fromIterable(samples)
        .flatMapSequential(
            s ->
                annotator()
                    .annotate(
                        s.figure(),
                        s.raster() == null ? null : new NormalizedPixels(s.image(), s.raster())),
            64)
        .collectList()
        .block();
  }
}
