package org.figstream.records;

/**
 * One line of text read in a figure's image (schema {@code figure.v3}, field {@code ocr}).
 *
 * @param text what was read
 * @param box where, in the pixels of the normalised image the record carries
 * @param score the recogniser's mean confidence over the line's characters, 0 to 1
 */
public record OcrLine(String text, OcrBox box, float score) {}
