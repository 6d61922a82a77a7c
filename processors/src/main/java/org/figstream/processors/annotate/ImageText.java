package org.figstream.processors.annotate;

import java.awt.image.BufferedImage;
import java.util.List;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextRecognizer;
import org.figstream.processors.ocr.TextRegions;
import org.figstream.records.OcrLine;

/**
 * The text in a figure's image, from one detection: the regions are the labeller's evidence and,
 * with OCR on, the boxes the recogniser reads, so the detector never runs twice on a figure.
 */
final class ImageText {
  /** Detection and reading of one image; a part not made is null, {@code problem} says why. */
  record Seen(TextRegions regions, List<OcrLine> lines, String problem) {}

  static final ImageText NONE = new ImageText(null, null);

  private final TextDetector detector;
  private final TextRecognizer recognizer;

  /**
   * @param detector null when nothing looks for text
   * @param recognizer null when OCR is off; needs a detector
   */
  ImageText(TextDetector detector, TextRecognizer recognizer) {
    if (recognizer != null && detector == null) {
      throw new IllegalArgumentException("reading text needs a detector to find it");
    }
    this.detector = detector;
    this.recognizer = recognizer;
  }

  boolean looks() {
    return detector != null;
  }

  boolean reads() {
    return recognizer != null;
  }

  /**
   * Never throws: the labeller goes without evidence it cannot have, and OCR's failure is reported
   * as a problem rather than costing the figure its vectors.
   */
  Seen see(BufferedImage pixels) {
    TextRegions regions;
    try {
      regions = detector.detect(pixels);
    } catch (RuntimeException e) {
      return new Seen(null, null, "text detection failed: " + e.getMessage());
    }
    if (recognizer == null) {
      return new Seen(regions, null, null);
    }
    try {
      // the detector gives boxes in the raster's pixels, which are the normalised image's
      List<OcrLine> lines = recognizer.lines(pixels, regions);
      return new Seen(regions, lines, null);
    } catch (RuntimeException e) {
      return new Seen(regions, null, "text recognition failed: " + e.getMessage());
    }
  }
}
