package org.figstream.topology.enrich;

import java.util.function.Consumer;
import org.figstream.processors.image.NormalizedPixels;
import org.figstream.records.DeadLetter;
import org.figstream.records.PublishedFigure;
import reactor.core.publisher.Mono;

/**
 * A step that adds to a figure without blocking: the image and caption embeddings and the concept
 * labels ({@link AnnotateStep}). What it cannot add it leaves null and reports as a dead letter;
 * {@link #IDENTITY} adds nothing.
 */
@FunctionalInterface
public interface FigureStep {
  FigureStep IDENTITY = (figure, pixels, problems) -> Mono.just(figure);

  /**
   * @param pixels the raster the figure's image was encoded from, for the embedding, so that the
   *     JPEG is not decoded again; null when the figure has no image (or its raster is not at hand)
   */
  Mono<PublishedFigure> apply(
      PublishedFigure figure, NormalizedPixels pixels, Consumer<DeadLetter> problems);
}
