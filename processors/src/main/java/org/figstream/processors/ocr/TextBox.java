package org.figstream.processors.ocr;

/**
 * One region of text the detector found, in the pixels of the image it was given.
 *
 * @param x left edge
 * @param y top edge
 * @param width width
 * @param height height
 * @param score the detector's mean text probability over the region, 0 to 1
 */
public record TextBox(int x, int y, int width, int height, float score) {}
