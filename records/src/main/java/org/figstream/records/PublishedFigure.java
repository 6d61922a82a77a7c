package org.figstream.records;

import java.util.List;

/**
 * A record of the {@code figures} topic (schema {@code records/schemas/figure.v3.avsc}): the
 * figure-caption pair, its normalised image when there is one, and otherwise why not ({@code
 * missing} when the article came without the file, else the reason the image was refused); {@code
 * duplicateOf} names the pair that showed the same image first, {@code duplicateKind} says whether
 * exactly or nearly. {@code article} carries the article's key fields (subset, license, DOI) so
 * that a dataset row stands on its own. {@code ocr} holds the lines of text read in the image: null
 * when OCR did not run, empty when it ran and read nothing.
 */
public record PublishedFigure(
    FigureRecord figure,
    NormalizedImage image,
    String imageProblem,
    String duplicateOf,
    String duplicateKind,
    Embedding imageEmbedding,
    Embedding captionEmbedding,
    ConceptLabels labels,
    Provenance provenance,
    ArticleKeys article,
    List<OcrLine> ocr) {

  public String pairId() {
    return figure.pairId();
  }

  public static PublishedFigure withoutImage(FigureRecord figure, String problem) {
    return new PublishedFigure(
        figure, null, problem, null, null, null, null, null, null, null, null);
  }

  public static PublishedFigure withImage(FigureRecord figure, NormalizedImage image) {
    return new PublishedFigure(figure, image, null, null, null, null, null, null, null, null, null);
  }

  /**
   * This figure marked as showing the image of {@code canonicalPair} ({@code exact} or {@code
   * near}).
   */
  public PublishedFigure duplicating(String canonicalPair, String kind) {
    return new PublishedFigure(
        figure,
        image,
        imageProblem,
        canonicalPair,
        kind,
        imageEmbedding,
        captionEmbedding,
        labels,
        provenance,
        article,
        ocr);
  }

  public PublishedFigure withEmbeddings(Embedding ofImage, Embedding ofCaption) {
    return new PublishedFigure(
        figure,
        image,
        imageProblem,
        duplicateOf,
        duplicateKind,
        ofImage,
        ofCaption,
        labels,
        provenance,
        article,
        ocr);
  }

  public PublishedFigure withLabels(ConceptLabels concepts) {
    return new PublishedFigure(
        figure,
        image,
        imageProblem,
        duplicateOf,
        duplicateKind,
        imageEmbedding,
        captionEmbedding,
        concepts,
        provenance,
        article,
        ocr);
  }

  public PublishedFigure withProvenance(Provenance origin) {
    return new PublishedFigure(
        figure,
        image,
        imageProblem,
        duplicateOf,
        duplicateKind,
        imageEmbedding,
        captionEmbedding,
        labels,
        origin,
        article,
        ocr);
  }

  public PublishedFigure withArticle(ArticleKeys keys) {
    return new PublishedFigure(
        figure,
        image,
        imageProblem,
        duplicateOf,
        duplicateKind,
        imageEmbedding,
        captionEmbedding,
        labels,
        provenance,
        keys,
        ocr);
  }

  /** This figure with the lines OCR read in its image; null when OCR did not run. */
  public PublishedFigure withOcr(List<OcrLine> lines) {
    return new PublishedFigure(
        figure,
        image,
        imageProblem,
        duplicateOf,
        duplicateKind,
        imageEmbedding,
        captionEmbedding,
        labels,
        provenance,
        article,
        lines == null ? null : List.copyOf(lines));
  }
}
