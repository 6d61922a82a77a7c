package org.figstream.processors.annotate;

import java.util.List;
import org.figstream.records.ConceptLabels;
import org.figstream.records.Embedding;
import org.figstream.records.OcrLine;

/**
 * What the encoders and the labeller made of one figure; any of the three may be null, and {@code
 * problems} says why. {@code drawnProbability} is the pixel prior the labeller was given (null
 * without pixels or without a labeller), kept so that a label can be explained. {@code ocr} is the
 * text read in the image: null when OCR is off or could not run (no image, a failure, which {@code
 * problems} names), empty when it ran and read nothing.
 */
public record Annotation(
    Embedding imageEmbedding,
    Embedding captionEmbedding,
    ConceptLabels labels,
    Float drawnProbability,
    List<OcrLine> ocr,
    List<Problem> problems) {

  /** Why part of an annotation is missing: a dead letter's stage, reason and message. */
  public record Problem(String stage, String reason, String message) {}
}
