package org.figstream.processors.label;

import java.util.List;
import org.figstream.processors.ocr.TextRegions;
import org.figstream.records.Embedding;
import org.figstream.records.OcrLine;

/**
 * What a labeller sees of one figure.
 *
 * @param caption the caption text, for the panel type
 * @param tableImage whether the JATS markup delivers this image as a table ({@code table-wrap})
 * @param captionEmbedding the whole caption's vector; null when the caption is empty
 * @param sentenceEmbeddings one vector per sentence of {@link CaptionSentences#of}, possibly empty
 * @param imageEmbedding null when the figure has no usable image or no image encoder
 * @param drawnProbability {@link DrawnImage#probability} of the image; null when there is no usable
 *     image
 * @param text what the text detector found in the image ({@link TextEvidence}); null when it did
 *     not look
 * @param lines the text read in the image ({@code --ocr}), for panel letters; null when not read
 * @param panels how many panels the image's gutters set apart ({@link PanelGutters}); null when not
 *     measured
 */
public record LabelInput(
    String caption,
    boolean tableImage,
    Embedding captionEmbedding,
    List<Embedding> sentenceEmbeddings,
    Embedding imageEmbedding,
    Float drawnProbability,
    TextRegions text,
    List<OcrLine> lines,
    Integer panels) {

  /** Without a text signal. */
  public LabelInput(
      String caption,
      boolean tableImage,
      Embedding captionEmbedding,
      List<Embedding> sentenceEmbeddings,
      Embedding imageEmbedding,
      Float drawnProbability) {
    this(
        caption,
        tableImage,
        captionEmbedding,
        sentenceEmbeddings,
        imageEmbedding,
        drawnProbability,
        null,
        null,
        null);
  }

  /** The same figure with its sentences' vectors. */
  public LabelInput withSentences(List<Embedding> sentences) {
    return new LabelInput(
        caption,
        tableImage,
        captionEmbedding,
        sentences,
        imageEmbedding,
        drawnProbability,
        text,
        lines,
        panels);
  }
}
