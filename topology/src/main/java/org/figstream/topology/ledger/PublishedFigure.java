package org.figstream.topology.ledger;

import org.figstream.api.FigureRecord;
import org.figstream.api.NormalizedImage;

/**
 * A record of the {@code figures} topic: the figure-caption pair, its normalised image when there is
 * one, and otherwise why not ({@code missing} when the article came without the file, else the reason
 * the image was refused); {@code duplicateOf} names the pair that showed the same image first, {@code
 * duplicateKind} says whether exactly or nearly. Embeddings and labels join here with issue 5.
 */
public record PublishedFigure(FigureRecord figure, NormalizedImage image, String imageProblem,
    String duplicateOf, String duplicateKind) {

  public String pairId() {
    return figure.pairId();
  }

  public static PublishedFigure withoutImage(FigureRecord figure, String problem) {
    return new PublishedFigure(figure, null, problem, null, null);
  }

  public static PublishedFigure withImage(FigureRecord figure, NormalizedImage image) {
    return new PublishedFigure(figure, image, null, null, null);
  }

  /** This figure marked as showing the image of {@code canonicalPair} ({@code exact} or {@code near}). */
  public PublishedFigure duplicating(String canonicalPair, String kind) {
    return new PublishedFigure(figure, image, imageProblem, canonicalPair, kind);
  }
}
