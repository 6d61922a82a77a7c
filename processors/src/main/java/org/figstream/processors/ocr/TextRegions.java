package org.figstream.processors.ocr;

import java.util.List;

/**
 * What the text detector found in one image: the evidence the labeller weighs (a table is mostly
 * text in many cells, a plot has axis labels and ticks, a photograph has none) and the boxes a
 * recogniser reads.
 *
 * @param boxes the text regions, top to bottom, left to right
 * @param share the share of the image covered by text regions (their union), 0 to 1
 */
public record TextRegions(List<TextBox> boxes, float share) {
  public TextRegions {
    boxes = List.copyOf(boxes);
  }

  public int count() {
    return boxes.size();
  }
}
