package org.figstream.processors.ocr;

/**
 * A line of text read in a figure.
 *
 * @param text what was read
 * @param box where, in the pixels of the image it was read from
 * @param score the recogniser's mean confidence over the characters, 0 to 1
 */
public record TextLine(String text, TextBox box, float score) {}
