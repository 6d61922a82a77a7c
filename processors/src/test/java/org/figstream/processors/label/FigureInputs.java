package org.figstream.processors.label;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.figstream.processors.embed.TextEncoder;
import org.figstream.processors.embed.TextRole;
import org.figstream.processors.ocr.TextDetector;
import org.figstream.processors.ocr.TextRecognizer;
import org.figstream.processors.ocr.TextRegions;
import org.figstream.records.Embedding;
import org.figstream.records.FigureKind;
import org.figstream.records.FigureRecord;
import org.figstream.records.OcrLine;

/** A hand-labelled figure as the annotator would hand it to the labeller. */
final class FigureInputs {
  private FigureInputs() {}

  /**
   * What the annotator gives the labeller: {@code every} without its sentences, unless the labels
   * from the whole caption leave the labeller wanting them ({@link
   * ConceptLabeller#wantsSentences}).
   */
  static LabelInput gated(LabelInput every, ConceptLabeller labeller) {
    LabelInput captionOnly = every.withSentences(List.of());
    return labeller.wantsSentences(labeller.label(captionOnly)) ? every : captionOnly;
  }

  /** A figure as the labeller sees it, with every one of its caption's sentences embedded. */
  static LabelInput input(
      LabelledFigures.Figure figure, TextEncoder text, TextDetector detector, TextRecognizer reader)
      throws IOException {
    FigureRecord record = figure.record();
    String caption = record.caption() == null ? "" : record.caption().strip();
    String model = text.descriptor().name();
    Embedding whole = null;
    List<Embedding> sentences = new ArrayList<>();
    if (!caption.isEmpty()) {
      whole = new Embedding(model, text.embed(List.of(caption), TextRole.CAPTION).get(0));
      text.embed(CaptionSentences.of(caption), TextRole.CAPTION)
          .forEach(v -> sentences.add(new Embedding(model, v)));
    }
    Float drawn = null;
    TextRegions found = null;
    List<OcrLine> lines = null;
    Integer panels = null;
    if (figure.image() != null) {
      BufferedImage pixels = figure.raster();
      drawn = DrawnImage.probability(pixels);
      panels = PanelGutters.count(pixels);
      found = detector == null ? null : detector.detect(pixels);
      if (reader != null && found != null) {
        lines = reader.lines(pixels, found);
      }
    }
    return new LabelInput(
        caption,
        record.kind() == FigureKind.TABLE,
        whole,
        sentences,
        null,
        drawn,
        found,
        lines,
        panels);
  }
}
