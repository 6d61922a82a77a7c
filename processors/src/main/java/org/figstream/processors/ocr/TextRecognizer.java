package org.figstream.processors.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.figstream.processors.embed.Accelerator;
import org.figstream.records.OcrLine;

/**
 * Reads the text of detected regions with PaddleOCR's PP-OCRv4 recognition network (Apache-2.0; its
 * dictionary holds Latin letters, digits and punctuation beside Chinese), in batches of regions of
 * similar width so that little is padding. Thread-safe.
 */
public final class TextRecognizer implements AutoCloseable {
  public static final String MODEL = "models/ch_PP-OCRv4_rec_infer.onnx";
  public static final String DICTIONARY = "models/ppocr_keys_v1.txt";
  private static final int BATCH = 8;
  private static final int MIN_WIDTH = 320;

  /** Below this mean confidence a line is dropped, as PaddleOCR's pipeline drops it by default. */
  public static final float MIN_SCORE = 0.5f;

  private final OcrSession session;
  private final CtcDecoder decoder;

  private TextRecognizer(OcrSession session, CtcDecoder decoder) {
    this.session = session;
    this.decoder = decoder;
  }

  public static TextRecognizer load(Accelerator accelerator) {
    try {
      List<String> dictionary =
          new String(OcrSession.resource(DICTIONARY), StandardCharsets.UTF_8).lines().toList();
      return new TextRecognizer(OcrSession.load(MODEL, accelerator), new CtcDecoder(dictionary));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DICTIONARY, e);
    }
  }

  /**
   * The longer side, in pixels, at which the detector finds the regions this reads: the labels
   * alone can do with less, but at 480 px the small print of axis labels is still found.
   */
  public static final int READING_SIDE = 480;

  /** As {@link #read}, as the records that go on {@code figures}. */
  public List<OcrLine> lines(BufferedImage image, TextRegions regions) {
    return read(image, regions).stream().map(TextLine::toRecord).toList();
  }

  /**
   * The lines read in the image's regions, in the regions' order; regions read as empty are left
   * out.
   */
  public List<TextLine> read(BufferedImage image, TextRegions regions) {
    List<TextBox> byWidth = new ArrayList<>(regions.boxes());
    byWidth.sort(Comparator.comparingInt(RecognizerInput::scaledWidth));
    Map<TextBox, TextLine> read = new java.util.IdentityHashMap<>();
    for (int from = 0; from < byWidth.size(); from += BATCH) {
      List<TextBox> batch = byWidth.subList(from, Math.min(byWidth.size(), from + BATCH));
      readBatch(image, batch).forEach(line -> read.put(line.box(), line));
    }
    List<TextLine> lines = new ArrayList<>();
    for (TextBox box : regions.boxes()) {
      TextLine line = read.get(box);
      if (line != null && !line.text().isEmpty() && line.score() >= MIN_SCORE) {
        lines.add(line);
      }
    }
    return lines;
  }

  private List<TextLine> readBatch(BufferedImage image, List<TextBox> batch) {
    int width = MIN_WIDTH;
    for (TextBox box : batch) {
      width = Math.max(width, RecognizerInput.scaledWidth(box));
    }
    int one = 3 * RecognizerInput.HEIGHT * width;
    float[] data = new float[batch.size() * one];
    for (int i = 0; i < batch.size(); i++) {
      RecognizerInput.write(image, batch.get(i), width, data, i * one);
    }
    OcrSession.Output out =
        session.run(data, new long[] {batch.size(), 3, RecognizerInput.HEIGHT, width});
    long[] dims = out.shape(); // batch, steps, classes
    if (dims[2] != decoder.classes()) {
      throw new IllegalStateException(
          "the recogniser gives " + dims[2] + " classes, its dictionary " + decoder.classes());
    }
    int steps = (int) dims[1];
    List<TextLine> lines = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      CtcDecoder.TextAndScore t = decoder.decode(out.values(), i * steps * (int) dims[2], steps);
      lines.add(new TextLine(t.text(), batch.get(i), t.score()));
    }
    return lines;
  }

  @Override
  public void close() {
    session.close();
  }
}
