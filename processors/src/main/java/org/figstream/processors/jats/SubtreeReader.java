package org.figstream.processors.jats;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Captures the element the reader stands on, with everything inside it, as a {@link Node}. */
final class SubtreeReader {
  private SubtreeReader() {}

  static Node capture(XMLStreamReader r) throws XMLStreamException {
    Node root = element(r);
    Deque<Node> open = new ArrayDeque<>();
    open.push(root);
    while (!open.isEmpty()) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          Node n = element(r);
          open.peek().children.add(n);
          open.push(n);
        }
        case XMLStreamConstants.END_ELEMENT -> open.pop();
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            open.peek().children.add(r.getText());
        default -> {}
      }
    }
    return root;
  }

  private static Node element(XMLStreamReader r) {
    int count = r.getAttributeCount();
    String[] attrs = null;
    if (count > 0) {
      attrs = new String[count * 2];
      for (int i = 0; i < count; i++) {
        attrs[2 * i] = r.getAttributeLocalName(i);
        attrs[2 * i + 1] = r.getAttributeValue(i);
      }
    }
    return new Node(r.getLocalName(), attrs);
  }
}
