package org.figstream.processors.annotate;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.figstream.processors.api.StageTimes;
import org.figstream.processors.embed.Embedder;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.processors.label.ConceptLabeller;
import org.figstream.processors.label.LabelInput;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextRecognizer;
import org.figstream.records.ConceptLabels;
import org.figstream.records.Embedding;
import org.figstream.records.FigureKind;
import org.figstream.records.FigureRecord;
import org.figstream.records.NormalizedImage;
import org.figstream.records.OcrLine;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Embeds one figure's normalised image and caption and labels it, without blocking. Never fails: a
 * part that cannot be made stays null and a {@link Annotation.Problem} says why (an empty caption,
 * an image the encoder refuses), so one bad figure never stops the stage.
 */
public final class FigureAnnotator {
  private final Embedder embedder;
  private final GatedLabelling labelling;

  /**
   * Whether the labeller weighs concepts by the pixels, so they are measured on their way to the
   * encoder.
   */
  private final boolean pixelPrior;

  /** Whether the labeller reads the panels the image's gutters set apart. */
  private final boolean panels;

  /** Finds text in the image for the labeller, and reads it with OCR on. */
  private final ImageText imageText;

  /** Whether the labeller is given the text regions. */
  private final boolean textEvidence;

  public FigureAnnotator(Embedder embedder, ConceptLabeller labeller) {
    this(embedder, labeller, StageTimes.NONE, null, null);
  }

  /**
   * With each labelling's own time recorded as the {@code label} stage on {@code times}; with the
   * text in each image found by {@code textDetector} when the labeller weighs it (null leaves it
   * out); and with OCR: {@code recognizer} reads the lines {@code textDetector} found, from the
   * same single detection the labeller weighs (null leaves OCR off and {@link Annotation#ocr()}
   * null).
   */
  public FigureAnnotator(
      Embedder embedder,
      ConceptLabeller labeller,
      StageTimes times,
      TextDetector textDetector,
      TextRecognizer recognizer) {
    this.embedder = embedder;
    this.labelling = labeller == null ? null : new GatedLabelling(embedder, labeller, times);
    this.pixelPrior = labeller != null && labeller.usesPixelPrior();
    this.panels = labeller != null && labeller.usesPanels();
    this.textEvidence = labeller != null && labeller.usesTextEvidence() && textDetector != null;
    this.imageText =
        textEvidence || recognizer != null
            ? new ImageText(textDetector, recognizer)
            : ImageText.NONE;
  }

  /**
   * Annotates a figure whose image is at hand only as its JPEG, which is decoded for the embedding.
   */
  public Mono<Annotation> annotate(FigureRecord figure, NormalizedImage image) {
    return annotateFrom(figure, image == null ? null : () -> RasterMeasures.decode(image));
  }

  /**
   * Annotates a figure with the raster the normaliser made, so the JPEG is not decoded again. The
   * raster is taken, not kept: once the embed step has preprocessed it nothing here holds it (4 MB
   * per figure waiting for its batch), and a second subscription, a retry, decodes the JPEG
   * instead.
   */
  public Mono<Annotation> annotate(FigureRecord figure, NormalizedPixels image) {
    return annotateFrom(
        figure,
        image == null
            ? null
            : () -> {
              BufferedImage pixels = image.takePixels();
              return pixels != null ? pixels : RasterMeasures.decode(image.image());
            });
  }

  private Mono<Annotation> annotateFrom(FigureRecord figure, Callable<BufferedImage> pixels) {
    // Deferred: each subscription (a retry, say) starts with its own problem list.
    return Mono.defer(() -> annotateOnce(figure, pixels));
  }

  private Mono<Annotation> annotateOnce(FigureRecord figure, Callable<BufferedImage> pixels) {
    List<Annotation.Problem> problems = new ArrayList<>();
    String caption = figure.caption() == null ? "" : figure.caption().strip();
    // a table's rows are set apart by blank bands too: its panels are not counted
    boolean table = figure.kind() == FigureKind.TABLE;
    RasterMeasures raster = new RasterMeasures(pixelPrior, panels && !table, imageText);
    Callable<BufferedImage> measured = raster.measuring(pixels);
    Mono<Optional<Embedding>> ofImage =
        measured == null
            ? Mono.just(Optional.empty())
            : embedImage(measured, raster)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(
                    e -> {
                      Problems.add(problems, "embed", "image-embedding-failed", e.getMessage());
                      return Mono.just(Optional.empty());
                    });
    if (caption.isEmpty()) {
      Problems.add(
          problems,
          "embed",
          "caption-empty",
          "the figure has no caption text to embed or label from");
    }
    Mono<Optional<Embedding>> ofCaption =
        caption.isEmpty()
            ? Mono.just(Optional.empty())
            : embedder
                .text(caption)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(
                    e -> {
                      Problems.add(problems, "embed", "caption-embedding-failed", e.getMessage());
                      return Mono.just(Optional.empty());
                    });
    return Mono.zip(ofImage, ofCaption)
        .flatMap(
            t -> {
              Embedding i = t.getT1().orElse(null);
              Embedding c = t.getT2().orElse(null);
              ImageText.Seen seen = raster.seen();
              if (seen != null && seen.problem() != null && imageText.reads()) {
                Problems.add(problems, "ocr", "ocr-failed", seen.problem());
              }
              LabelInput input =
                  new LabelInput(
                      caption,
                      table,
                      c,
                      List.of(),
                      i,
                      raster.drawn(),
                      textEvidence && seen != null ? seen.regions() : null,
                      seen == null ? null : seen.lines(),
                      raster.panels());
              List<OcrLine> ocr = seen == null ? null : seen.lines();
              return labels(input, problems)
                  .map(
                      labels ->
                          new Annotation(
                              i,
                              c,
                              labels.orElse(null),
                              raster.drawn(),
                              ocr,
                              List.copyOf(problems)));
            });
  }

  private Mono<Optional<ConceptLabels>> labels(
      LabelInput input, List<Annotation.Problem> problems) {
    return labelling == null ? Mono.just(Optional.empty()) : labelling.labels(input, problems);
  }

  /**
   * The image's embedding; without an image encoder the pixels are still read when the labeller
   * measures them.
   */
  private Mono<Embedding> embedImage(Callable<BufferedImage> pixels, RasterMeasures raster) {
    if (embedder.imageEncoder() != null) {
      return embedder.image(pixels);
    }
    return !raster.measuresAnything()
        ? Mono.empty()
        : Mono.fromCallable(pixels).subscribeOn(Schedulers.parallel()).then(Mono.empty());
  }
}
