package org.figstream.processors.ocr;

import org.figstream.records.OcrBox;
import org.figstream.records.OcrLine;

/**
 * A line of text read in a figure.
 *
 * @param text what was read
 * @param box where, in the pixels of the image it was read from
 * @param score the recogniser's mean confidence over the characters, 0 to 1
 */
public record TextLine(String text, TextBox box, float score) {
  /** The line as the figures record carries it (the detector's own score is not kept). */
  public OcrLine toRecord() {
    return new OcrLine(text, new OcrBox(box.x(), box.y(), box.width(), box.height()), score);
  }
}
