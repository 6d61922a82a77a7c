package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionWarning;
import org.figstream.records.Mention;

/**
 * One article's account of {@link OutputLimits}: the characters its pairs will hold (counted as
 * they are made, so that a hostile article is refused before it fills the heap) and what was cut.
 */
final class OutputBudget {
  /** Figures named in a warning; the rest are counted, so that the message stays small too. */
  private static final int NAMED = 10;

  private long chars;
  int sentencesCut;
  int paragraphsCut;
  int xrefTextsCut;

  void addPair(FigureDraft d, String articleKey) {
    add(
        OutputLimits.RECORD_CHARS
            + 2L * len(articleKey)
            + len(d.figureId)
            + len(d.groupId)
            + len(d.parentId)
            + len(d.specificUse)
            + len(d.context)
            + len(d.label)
            + len(d.captionTitle)
            + len(d.caption)
            + len(d.doi)
            + len(d.href)
            + len(d.mediaFile));
  }

  /** Counts one more copy of {@code m}: each pair citing it serialises it again. */
  void addMention(Mention m) {
    add(len(m.xrefText()) + len(m.sentence()) + len(m.paragraph()));
  }

  private void add(long n) {
    chars += n;
    if (chars > OutputLimits.ARTICLE_CHARS) {
      throw new ExtractionException(
          ExtractionException.Kind.TOO_LARGE,
          "the article's pairs would hold more than "
              + OutputLimits.ARTICLE_CHARS
              + " characters (each pair counted with "
              + OutputLimits.RECORD_CHARS
              + " more), even with each field cut to its limit; no pair of it is kept");
    }
  }

  /** What was cut, one warning per kind; none for an article within every limit. */
  List<ExtractionWarning> warnings(List<FigureDraft> drafts) {
    // a figure of several graphics is several drafts with the same mentions: name it once
    Map<String, FigureDraft> figures = new LinkedHashMap<>();
    for (FigureDraft d : drafts) {
      figures.putIfAbsent(d.figureId, d);
    }
    List<String> dropped = new ArrayList<>();
    int captionsCut = 0;
    for (FigureDraft d : figures.values()) {
      if (d.droppedMentions > 0) {
        int all = d.mentions.size() + d.droppedMentions;
        dropped.add(d.figureId + " lost " + d.droppedMentions + " of its " + all + " mentions");
      }
      captionsCut += d.captionCut ? 1 : 0;
    }
    List<ExtractionWarning> out = new ArrayList<>();
    if (!dropped.isEmpty()) {
      out.add(
          new ExtractionWarning(
              "mentions-truncated",
              named(dropped)
                  + " (at most "
                  + OutputLimits.MENTIONS_PER_FIGURE
                  + " are kept per figure, the first in the text)"));
    }
    List<String> cut = new ArrayList<>();
    part(cut, sentencesCut, "mention sentences", OutputLimits.SENTENCE_CHARS);
    part(cut, paragraphsCut, "mention paragraphs", OutputLimits.PARAGRAPH_CHARS);
    part(cut, xrefTextsCut, "citation texts", OutputLimits.XREF_TEXT_CHARS);
    part(cut, captionsCut, "figures' captions", OutputLimits.CAPTION_CHARS);
    if (!cut.isEmpty()) {
      out.add(
          new ExtractionWarning(
              "text-truncated",
              "cut to a window around the citation or to their first characters: "
                  + String.join(", ", cut)));
    }
    return List.copyOf(out);
  }

  private static String named(List<String> items) {
    if (items.size() <= NAMED) {
      return String.join("; ", items);
    }
    return String.join("; ", items.subList(0, NAMED))
        + "; and "
        + (items.size() - NAMED)
        + " more figures";
  }

  private static void part(List<String> parts, int count, String what, int limit) {
    if (count > 0) {
      parts.add(count + " " + what + " to " + limit + " characters");
    }
  }

  private static int len(String s) {
    return s == null ? 0 : s.length();
  }
}
