package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.figstream.records.Mention;

/**
 * Attaches to each figure every running-text citation of it. A {@code rid} may list several ids and
 * may name a figure, a table or a whole fig-group (then every figure of the group is cited).
 * Captions are not running text: a caption citing another figure is not a mention.
 */
final class MentionLinker {
  private final Map<String, List<FigureDraft>> byId = new HashMap<>();
  private final OutputBudget budget;

  MentionLinker(List<FigureDraft> figures, OutputBudget budget) {
    this.budget = budget;
    for (FigureDraft f : figures) {
      byId.computeIfAbsent(f.figureId, k -> new ArrayList<>()).add(f);
      if (f.groupId != null) {
        byId.computeIfAbsent(f.groupId, k -> new ArrayList<>()).add(f);
      }
    }
  }

  /**
   * Whether {@code node} holds an xref to one of the figures: most paragraphs cite none, and this
   * walk is far cheaper than flattening them.
   */
  boolean citesAFigure(Node node) {
    for (Object c : node.children) {
      if (c instanceof Node child) {
        if (child.is("xref") && citesAFigure(child.attr("rid"))) {
          return true;
        }
        if (citesAFigure(child)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean citesAFigure(String rid) {
    if (rid == null) {
      return false;
    }
    // rid is a space-separated id list; most hold one id, so look before splitting
    if (rid.indexOf(' ') < 0 && rid.indexOf('\t') < 0 && rid.indexOf('\n') < 0) {
      return byId.containsKey(rid);
    }
    for (String id : rid.trim().split("\\s+")) {
      if (byId.containsKey(id)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Links the paragraph's citations, keeping the first {@link OutputLimits#MENTIONS_PER_FIGURE} of
   * each figure and counting the rest; a mention is made only for a figure with room left, so a
   * paragraph of 20,000 citations costs 64 mentions, not 20,000.
   */
  void link(ParagraphText paragraph) {
    String text = paragraph.text();
    int[] sentences = null;
    List<FigureDraft> room = new ArrayList<>();
    for (ParagraphText.Xref xref : paragraph.xrefs()) {
      Set<FigureDraft> cited = new LinkedHashSet<>();
      for (String rid : xref.rids()) {
        cited.addAll(byId.getOrDefault(rid, List.of()));
      }
      room.clear();
      for (FigureDraft figure : cited) {
        if (figure.mentions.size() < OutputLimits.MENTIONS_PER_FIGURE) {
          room.add(figure);
        } else {
          figure.droppedMentions++;
        }
      }
      if (room.isEmpty()) {
        continue;
      }
      if (sentences == null) {
        sentences = Sentences.boundaries(text);
      }
      Mention mention = mention(text, sentences, xref);
      for (FigureDraft figure : room) {
        budget.addMention(mention);
        figure.mentions.add(mention);
      }
    }
  }

  /** The citation, its sentence and its paragraph, each cut to its limit around the citation. */
  private Mention mention(String text, int[] sentences, ParagraphText.Xref xref) {
    int start = Math.min(xref.start(), text.length());
    int end = Math.min(Math.max(xref.end(), start), text.length());
    String xrefText = text.substring(start, end);
    if (xrefText.length() > OutputLimits.XREF_TEXT_CHARS) {
      budget.xrefTextsCut++;
      xrefText = OutputLimits.clip(xrefText, OutputLimits.XREF_TEXT_CHARS);
    }
    long span = Sentences.span(text, sentences, start, end);
    int s = (int) (span >>> 32);
    int e = (int) span;
    if (e - s > OutputLimits.SENTENCE_CHARS) {
      budget.sentencesCut++;
    }
    String sentence = OutputLimits.window(text, s, e, start, end, OutputLimits.SENTENCE_CHARS);
    if (text.length() > OutputLimits.PARAGRAPH_CHARS) {
      budget.paragraphsCut++;
    }
    String paragraph =
        text.length() <= OutputLimits.PARAGRAPH_CHARS
            ? text
            : OutputLimits.window(text, 0, text.length(), start, end, OutputLimits.PARAGRAPH_CHARS);
    return new Mention(xrefText, sentence, paragraph);
  }
}
