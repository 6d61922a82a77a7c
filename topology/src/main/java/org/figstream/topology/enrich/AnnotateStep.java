package org.figstream.topology.enrich;

import java.time.Instant;
import java.util.function.Consumer;
import org.figstream.processors.annotate.Annotation;
import org.figstream.processors.annotate.FigureAnnotator;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.records.DeadLetter;
import org.figstream.records.PublishedFigure;
import reactor.core.publisher.Mono;

/**
 * Embeds and labels a figure, and with OCR on puts the text read in its image on it; every part it
 * could not make becomes a dead letter naming the pair.
 */
public final class AnnotateStep implements FigureStep {
  private final FigureAnnotator annotator;

  public AnnotateStep(FigureAnnotator annotator) {
    this.annotator = annotator;
  }

  @Override
  public Mono<PublishedFigure> apply(
      PublishedFigure figure, NormalizedPixels pixels, Consumer<DeadLetter> problems) {
    Mono<Annotation> annotation =
        pixels != null
            ? annotator.annotate(figure.figure(), pixels)
            : annotator.annotate(figure.figure(), figure.image());
    return annotation.map(
        a -> {
          String pmcid = figure.provenance() == null ? null : figure.provenance().pmcid();
          for (Annotation.Problem p : a.problems()) {
            problems.accept(
                new DeadLetter(
                    p.stage(), p.reason(), p.message(), figure.pairId(), pmcid, 1, Instant.now()));
          }
          return figure
              .withEmbeddings(a.imageEmbedding(), a.captionEmbedding())
              .withLabels(a.labels())
              .withOcr(a.ocr());
        });
  }
}
