package org.figstream.processors.jats;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.api.ExtractionException;
import org.figstream.api.ExtractionException.Kind;

/**
 * The only way figstream opens XML: Woodstox with DTD processing off, so no DTD or external entity is
 * ever fetched and no declared entity is ever expanded (PMC XML uses numeric character references and
 * needs no DTD), with limits on depth and text size so that hostile input fails fast instead of hanging.
 */
final class SecureXmlInput {
  private static final int MAX_DEPTH = 400;
  private static final int MAX_TEXT_CHARS = 16 * 1024 * 1024;
  private static final int MAX_ATTRIBUTES = 200;

  private final WstxInputFactory factory;

  SecureXmlInput() {
    factory = new WstxInputFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.RESOLVER, (XMLResolver) (publicId, systemId, base, ns) -> {
      throw new XMLStreamException("refusing to resolve " + systemId);
    });
    factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
    factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_CHARS);
    factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES);
  }

  XMLStreamReader open(byte[] xml) {
    try {
      return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    } catch (XMLStreamException e) {
      throw translate(e);
    }
  }

  /** A typed error whose message says what is wrong and where. */
  static ExtractionException translate(XMLStreamException e) {
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
    String what = firstLine(e.getMessage());
    if (e instanceof WstxEOFException) {
      return new ExtractionException(Kind.TRUNCATED, "document ends early" + where + ": " + what, e);
    }
    if (what.startsWith("Maximum")) {
      return new ExtractionException(Kind.TOO_LARGE, "document exceeds a parser limit" + where + ": " + what, e);
    }
    return new ExtractionException(Kind.MALFORMED, "not well-formed XML" + where + ": " + what, e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown parse error";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
