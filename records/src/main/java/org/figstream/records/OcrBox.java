package org.figstream.records;

/**
 * An axis-aligned box in the pixels of a figure's normalised image, from its top-left corner. The
 * detector's regions are upright rectangles, so four numbers say all it found.
 */
public record OcrBox(int x, int y, int width, int height) {}
