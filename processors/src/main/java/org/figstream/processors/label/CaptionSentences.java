package org.figstream.processors.label;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences of a caption that the zero-shot labeller scores one by one. A caption's title is
 * usually about the finding ("X is increased in Y") while a later sentence names what is shown
 * ("Data are mean ± SEM", "Western blot of ..."); the whole caption's vector is dominated by the
 * topic. So the first sentence, the title, is left out too: the whole caption's vector already
 * carries it (on the development set, leaving it out kept the labels and saved a sixth of the
 * sentences' words). A caption of one sentence has none apart from itself.
 */
public final class CaptionSentences {
  /** Enough for the captions of real figures; beyond this the panels repeat the same kinds. */
  static final int MAX = 12;

  private CaptionSentences() {}

  /** The sentences the labeller scores: all but the first of {@link #all}. */
  public static List<String> of(String caption) {
    List<String> all = all(caption);
    return all.size() < 2 ? List.of() : all.subList(1, all.size());
  }

  /** Every sentence of three words or more, the first {@link #MAX}, the title first. */
  static List<String> all(String caption) {
    List<String> out = new ArrayList<>();
    if (caption == null || caption.isBlank()) {
      return out;
    }
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    breaks.setText(caption);
    for (int start = breaks.first(), end = breaks.next();
        end != BreakIterator.DONE && out.size() < MAX;
        start = end, end = breaks.next()) {
      String s = caption.substring(start, end).strip();
      if (s.split("\\s+").length >= 3) {
        out.add(s);
      }
    }
    return out;
  }
}
