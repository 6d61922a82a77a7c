package org.figstream.topology.ledger;

import org.figstream.api.FigureRecord;
import org.figstream.api.NormalizedImage;

/**
 * A record of the {@code figures} topic: the figure-caption pair, its normalised image when there is
 * one, and otherwise why not ({@code missing} when the article came without the file, else the reason
 * the image was refused). Embeddings and labels join here with issue 5.
 */
public record PublishedFigure(FigureRecord figure, NormalizedImage image, String imageProblem) {

  public String pairId() {
    return figure.pairId();
  }

  public static PublishedFigure withoutImage(FigureRecord figure, String problem) {
    return new PublishedFigure(figure, null, problem);
  }
}
