package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.figstream.records.FigureKind;

/**
 * Reads figure drafts from a captured float ({@code fig}, {@code fig-group}, {@code table-wrap},
 * {@code table-wrap-group}) or from any captured node holding floats (a paragraph, the front). One
 * draft per image: each {@code graphic}, with the graphics of one {@code alternatives} counted as
 * one image. Graphics inside an XML {@code table} are never images of the float.
 */
final class FigureReader {
  /** Not part of a figure's own images: its caption, and things that are never pairs. */
  private static final Set<String> NOT_IMAGES =
      Set.of(
          "caption",
          "label",
          "object-id",
          "permissions",
          "attrib",
          "disp-formula",
          "inline-formula",
          "supplementary-material",
          "media",
          "inline-graphic",
          "chem-struct-wrap",
          "table-wrap-foot",
          // An XML table's cells may hold pictures (structure drawings, icons): they are its
          // content, not images of the table, and an XML table is never a pair.
          "table");

  private final GraphicResolver resolver;
  private final List<FigureDraft> out;
  private int anonymous;

  FigureReader(GraphicResolver resolver, List<FigureDraft> out) {
    this.resolver = resolver;
    this.out = out;
  }

  /** Reads every outermost float at or below {@code node}. */
  void read(Node node, String context) {
    switch (node.name) {
      case "fig-group", "table-wrap-group" -> readGroup(node, context);
      case "fig", "table-wrap" -> readFloat(node, context, null, null);
      default -> {
        for (Object c : node.children) { // every paragraph is walked: no list copies here
          if (c instanceof Node child) {
            read(child, context);
          }
        }
      }
    }
  }

  private void readGroup(Node group, String context) {
    String groupId = group.attr("id");
    List<Node> members = new ArrayList<>();
    for (Node child : group.elements()) {
      if (child.is("fig") || child.is("table-wrap")) {
        members.add(child);
      } else if (child.is("fig-group") || child.is("table-wrap-group")) {
        readGroup(child, context);
      }
    }
    // eLife marks supplements as child-fig: they belong to the group's main figure, not to the
    // group.
    Node main = members.stream().filter(m -> !isChild(m)).findFirst().orElse(null);
    boolean supplements = members.stream().anyMatch(FigureReader::isChild);
    for (Node member : members) {
      String parent;
      if (!supplements) {
        parent = groupId;
      } else if (isChild(member)) {
        parent = main == null ? groupId : main.attr("id");
      } else {
        parent = null;
      }
      readFloat(member, context, groupId, parent);
    }
  }

  private static boolean isChild(Node fig) {
    return "child-fig".equals(fig.attr("specific-use"));
  }

  private void readFloat(Node fl, String context, String groupId, String parentId) {
    FigureKind kind = fl.is("table-wrap") ? FigureKind.TABLE : FigureKind.FIGURE;
    List<List<Node>> images = new ArrayList<>();
    collectImages(fl, images);
    if (images.isEmpty()) {
      return;
    }
    String id = fl.attr("id");
    if (id == null || id.isBlank()) {
      id = kind + "-" + (++anonymous);
    }
    Node caption = fl.child("caption");
    String captionTitle = caption == null ? null : TextFlattener.text(caption.child("title"));
    String captionText = TextFlattener.text(caption);
    String label = TextFlattener.text(fl.child("label"));
    String doi = null;
    for (Node objectId : fl.children("object-id")) {
      if ("doi".equals(objectId.attr("pub-id-type"))) {
        doi = TextFlattener.text(objectId);
      }
    }
    int index = 0;
    for (List<Node> renditions : images) {
      String href = null;
      String media = null;
      for (Node graphic : renditions) {
        String candidate = graphic.attr("href");
        String found = resolver.resolve(candidate);
        if (href == null || (media == null && found != null)) {
          href = candidate;
          media = found;
        }
      }
      out.add(
          new FigureDraft(
              kind,
              id,
              ++index,
              groupId,
              parentId,
              fl.attr("specific-use"),
              context,
              label,
              captionTitle,
              captionText,
              doi,
              href,
              media));
    }
  }

  /** Each entry is one image: a lone graphic, or the graphics of one alternatives element. */
  private static void collectImages(Node node, List<List<Node>> images) {
    for (Node child : node.elements()) {
      if (NOT_IMAGES.contains(child.name)) {
        continue;
      }
      if (child.is("graphic")) {
        images.add(List.of(child));
      } else if (child.is("alternatives")) {
        // Its own graphics only: find() would also take the cell pictures of a table rendition.
        List<Node> renditions = child.children("graphic");
        if (!renditions.isEmpty()) {
          images.add(renditions);
        }
      } else {
        collectImages(child, images);
      }
    }
  }
}
