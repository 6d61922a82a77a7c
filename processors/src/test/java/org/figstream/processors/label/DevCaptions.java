package org.figstream.processors.label;

import java.util.ArrayList;
import java.util.List;
import org.figstream.records.FigureRecord;

/** The development set's captions, for measurements of the caption encoder. */
final class DevCaptions {
  private DevCaptions() {}

  /** Each hand-labelled development figure's caption, stripped; figures without one left out. */
  static List<String> all() {
    List<String> captions = new ArrayList<>();
    for (HandLabels.Label l : HandLabels.split(HandLabels.DEV).values()) {
      FigureRecord r = LabelledFigures.get(l.pairId()).record();
      String caption = r.caption() == null ? "" : r.caption().strip();
      if (!caption.isEmpty()) {
        captions.add(caption);
      }
    }
    return captions;
  }
}
