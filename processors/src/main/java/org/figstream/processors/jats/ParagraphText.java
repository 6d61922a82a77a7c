package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.List;

/** A running-text paragraph, flattened, with where each of its cross-references landed. */
record ParagraphText(String text, List<Xref> xrefs) {

  /** One {@code xref}: the ids in its {@code rid}, and its span in the paragraph text. */
  record Xref(String[] rids, int start, int end) {
    String text(String paragraph) {
      return paragraph.substring(start, Math.min(end, paragraph.length()));
    }
  }

  /** The paragraph's text and xrefs; null when it cites nothing. */
  static ParagraphText of(Node p) {
    List<Xref> xrefs = new ArrayList<>();
    NormalizedText out = new NormalizedText();
    TextFlattener.append(
        p,
        out,
        (xref, start, end) -> {
          String rid = xref.attr("rid");
          if (rid != null && !rid.isBlank()) {
            xrefs.add(new Xref(rid.trim().split("\\s+"), start, end));
          }
        });
    return xrefs.isEmpty() ? null : new ParagraphText(out.toString(), xrefs);
  }
}
