package org.figstream.connectors.feed.pubmed;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reading helpers over a StAX reader that stands on a start tag; each one consumes the element. */
final class XmlText {

  /** Told about each child element; must consume it (read to its end tag) or return false. */
  interface ChildHandler {
    boolean child(String name) throws XMLStreamException;
  }

  private XmlText() {}

  /**
   * The element's text with its inline markup (i, b, sup, sub, u, MathML) dropped and white space
   * runs made one space: NLM marks up titles and abstracts, and the pretty-printed files break
   * lines inside them. Null when there is no text.
   */
  static String flatten(XMLStreamReader r) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS,
            XMLStreamConstants.CDATA,
            XMLStreamConstants.SPACE,
            XMLStreamConstants.ENTITY_REFERENCE ->
            text.append(r.getText());
        default -> {}
      }
    }
    String collapsed = text.toString().replaceAll("\\s+", " ").trim();
    return collapsed.isEmpty() ? null : collapsed;
  }

  /** Hands each direct child to the handler; stops on the parent's end tag. */
  static void children(XMLStreamReader r, ChildHandler handler) throws XMLStreamException {
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return;
      }
      if (event == XMLStreamConstants.START_ELEMENT && !handler.child(r.getLocalName())) {
        skip(r);
      }
    }
  }

  static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  static String attribute(XMLStreamReader r, String name) {
    String value = r.getAttributeValue(null, name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** NLM's Y/N flags; absent means N. */
  static boolean yes(XMLStreamReader r, String name) {
    return "Y".equalsIgnoreCase(attribute(r, name));
  }
}
