package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.figstream.api.Mention;

/**
 * Attaches to each figure every running-text citation of it. A {@code rid} may list several ids and may
 * name a figure, a table or a whole fig-group (then every figure of the group is cited). Captions are
 * not running text: a caption citing another figure is not a mention.
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

  void link(ParagraphText paragraph) {
    for (ParagraphText.Xref xref : paragraph.xrefs()) {
      Set<FigureDraft> cited = new LinkedHashSet<>();
      for (String rid : xref.rids()) {
        cited.addAll(byId.getOrDefault(rid, List.of()));
      }
      if (cited.isEmpty()) {
        continue;
      }
      String text = paragraph.text();
      Mention mention = new Mention(xref.text(text), Sentences.around(text, xref.start(), xref.end()), text);
      for (FigureDraft figure : cited) {
        figure.mentions.add(mention);
      }
    }
  }
}
