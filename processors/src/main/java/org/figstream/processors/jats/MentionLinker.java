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

  MentionLinker(List<FigureDraft> figures) {
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

  void link(ParagraphText paragraph) {
    int[] sentences = null;
    for (ParagraphText.Xref xref : paragraph.xrefs()) {
      Set<FigureDraft> cited = new LinkedHashSet<>();
      for (String rid : xref.rids()) {
        cited.addAll(byId.getOrDefault(rid, List.of()));
      }
      if (cited.isEmpty()) {
        continue;
      }
      String text = paragraph.text();
      if (sentences == null) {
        sentences = Sentences.boundaries(text);
      }
      Mention mention =
          new Mention(
              xref.text(text), Sentences.around(text, sentences, xref.start(), xref.end()), text);
      for (FigureDraft figure : cited) {
        figure.mentions.add(mention);
      }
    }
  }
}
