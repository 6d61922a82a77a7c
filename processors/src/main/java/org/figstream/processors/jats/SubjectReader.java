package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.List;
import org.figstream.records.Article.Subject;

/**
 * Flattens nested {@code subj-group}s into leaf subjects with their full path, so "Biology /
 * Genetics / Gene expression" keeps its ancestry; inner nodes are the prefixes of the leaves.
 */
final class SubjectReader {
  private SubjectReader() {}

  static List<Subject> read(Node categories) {
    List<Subject> out = new ArrayList<>();
    if (categories != null) {
      for (Node group : categories.children("subj-group")) {
        walk(group, group.attr("subj-group-type"), new ArrayList<>(), out);
      }
    }
    return out;
  }

  private static void walk(Node group, String type, List<String> path, List<Subject> out) {
    List<Node> nested = group.children("subj-group");
    List<String> here = new ArrayList<>(path);
    for (Node subject : group.children("subject")) {
      String name = TextFlattener.text(subject);
      if (name == null) {
        continue;
      }
      if (nested.isEmpty()) {
        List<String> leaf = new ArrayList<>(path);
        leaf.add(name);
        out.add(new Subject(type, List.copyOf(leaf)));
      } else {
        here.add(name);
      }
    }
    for (Node child : nested) {
      walk(child, type, here, out);
    }
  }
}
