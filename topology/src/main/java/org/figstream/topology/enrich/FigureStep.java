package org.figstream.topology.enrich;

import org.figstream.topology.ledger.PublishedFigure;
import reactor.core.publisher.Mono;

/**
 * A step that adds to a figure without blocking: the image and caption embeddings, the concept labels.
 * Until encoders are configured both are {@link #IDENTITY}, and the record fields stay null.
 */
@FunctionalInterface
public interface FigureStep {
  FigureStep IDENTITY = Mono::just;

  Mono<PublishedFigure> apply(PublishedFigure figure);
}
