package org.figstream.processors.jats;

import java.util.Set;

/**
 * Turns captured JATS markup into plain text: inline markup flattened without losing or inventing
 * spaces, block elements separated, MathML reduced to its text, floats and graphics left out (a
 * paragraph's text does not include the caption of a figure placed inside it).
 */
final class TextFlattener {

  /** Told where each xref's text lands in the flattened output. */
  interface XrefListener {
    void xref(Node xref, int start, int end);
  }

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "title",
          "label",
          "caption",
          "list",
          "list-item",
          "def-list",
          "def-item",
          "term",
          "def",
          "sec",
          "disp-quote",
          "disp-formula",
          "statement",
          "attrib",
          "break",
          "table",
          "tr",
          "td",
          "th",
          "boxed-text",
          "abstract",
          "license-p",
          "speech",
          "verse-group",
          "verse-line",
          "fn",
          "ref");

  private static final Set<String> LEFT_OUT =
      Set.of(
          "fig",
          "fig-group",
          "table-wrap",
          "table-wrap-group",
          "graphic",
          "inline-graphic",
          "media",
          "supplementary-material",
          "object-id",
          "alt-text",
          "long-desc",
          "processing-meta");

  private TextFlattener() {}

  static String text(Node node) {
    if (node == null) {
      return null;
    }
    NormalizedText out = new NormalizedText();
    append(node, out, null);
    String s = out.toString();
    return s.isEmpty() ? null : s;
  }

  /** Flattens {@code node}'s content (not the node's own block boundary) into {@code out}. */
  static void append(Node node, NormalizedText out, XrefListener xrefs) {
    boolean mathOnly = node.is("alternatives") && node.child("math") != null;
    for (Object c : node.children) {
      if (c instanceof String s) {
        out.append(s);
        continue;
      }
      Node child = (Node) c;
      if (LEFT_OUT.contains(child.name) || (mathOnly && !child.is("math"))) {
        continue;
      }
      boolean block = BLOCKS.contains(child.name);
      if (block) {
        out.boundary();
      }
      if (xrefs != null && child.is("xref")) {
        int start = out.nextPosition();
        append(child, out, xrefs);
        xrefs.xref(child, start, Math.max(start, out.length()));
      } else {
        append(child, out, xrefs);
      }
      if (block) {
        out.boundary();
      }
    }
  }
}
