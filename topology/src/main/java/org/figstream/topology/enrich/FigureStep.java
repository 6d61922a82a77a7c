package org.figstream.topology.enrich;

import java.util.function.Consumer;
import org.figstream.api.feed.DeadLetter;
import org.figstream.topology.ledger.PublishedFigure;
import reactor.core.publisher.Mono;

/**
 * A step that adds to a figure without blocking: the image and caption embeddings and the concept
 * labels ({@link AnnotateStep}). What it cannot add it leaves null and reports as a dead letter;
 * {@link #IDENTITY} adds nothing.
 */
@FunctionalInterface
public interface FigureStep {
  FigureStep IDENTITY = (figure, problems) -> Mono.just(figure);

  Mono<PublishedFigure> apply(PublishedFigure figure, Consumer<DeadLetter> problems);
}
