package org.figstream.processors.jats;

import java.util.ArrayList;
import java.util.List;

/**
 * A captured element: local name, attributes by local name, children that are {@link Node}s or
 * {@link String}s. Only the parts of an article the extractor reads are captured, so this stays
 * small.
 */
final class Node {
  private static final String[] NO_ATTRS = new String[0];

  final String name;
  private final String[] attrs;
  final List<Object> children = new ArrayList<>(4);

  Node(String name, String[] attrs) {
    this.name = name;
    this.attrs = attrs == null ? NO_ATTRS : attrs;
  }

  /** The attribute of that local name, whatever its namespace ({@code xlink:href} is "href"). */
  String attr(String localName) {
    for (int i = 0; i < attrs.length; i += 2) {
      if (attrs[i].equals(localName)) {
        return attrs[i + 1];
      }
    }
    return null;
  }

  boolean is(String localName) {
    return name.equals(localName);
  }

  Node child(String localName) {
    for (Object c : children) {
      if (c instanceof Node n && n.name.equals(localName)) {
        return n;
      }
    }
    return null;
  }

  List<Node> children(String localName) {
    List<Node> out = new ArrayList<>();
    for (Object c : children) {
      if (c instanceof Node n && n.name.equals(localName)) {
        out.add(n);
      }
    }
    return out;
  }

  List<Node> elements() {
    List<Node> out = new ArrayList<>(children.size());
    for (Object c : children) {
      if (c instanceof Node n) {
        out.add(n);
      }
    }
    return out;
  }

  /** Every descendant element of that name, in document order (not below a match). */
  List<Node> find(String localName) {
    List<Node> out = new ArrayList<>();
    collect(localName, out);
    return out;
  }

  /** The first descendant element of that name, in document order, or null. */
  Node first(String localName) {
    for (Object c : children) {
      if (c instanceof Node n) {
        Node found = n.name.equals(localName) ? n : n.first(localName);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private void collect(String localName, List<Node> out) {
    for (Object c : children) {
      if (c instanceof Node n) {
        if (n.name.equals(localName)) {
          out.add(n);
        } else {
          n.collect(localName, out);
        }
      }
    }
  }
}
