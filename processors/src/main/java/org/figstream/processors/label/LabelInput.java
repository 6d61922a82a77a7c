package org.figstream.processors.label;

import java.util.List;
import org.figstream.records.Embedding;

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
 */
public record LabelInput(
    String caption,
    boolean tableImage,
    Embedding captionEmbedding,
    List<Embedding> sentenceEmbeddings,
    Embedding imageEmbedding,
    Float drawnProbability) {}
