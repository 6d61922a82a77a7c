package org.figstream.processors.jats;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionException.Kind;

/**
 * The only way figstream opens XML: Woodstox with DTD processing off, so no DTD or external entity
 * is ever fetched and no declared entity is ever expanded (PMC XML uses numeric character
 * references and needs no DTD), with limits on depth and text size so that hostile input fails fast
 * instead of hanging. The named character entities of {@link CharacterEntities} (HTML5) are
 * expanded as if predeclared, in text and in attribute values alike; any other entity is an error
 * (Woodstox would otherwise drop an undeclared entity in an attribute value without a word).
 */
final class SecureXmlInput {
  private static final int MAX_DEPTH = 400;
  private static final int MAX_TEXT_CHARS = 16 * 1024 * 1024;
  private static final int MAX_ATTRIBUTES = 200;
  private static final Pattern UNDECLARED =
      Pattern.compile("Undeclared general entity \"([^\"]*)\"");

  private final WstxInputFactory factory;

  SecureXmlInput() {
    factory = new WstxInputFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    factory.setProperty(WstxInputProperties.P_CUSTOM_INTERNAL_ENTITIES, CharacterEntities.all());
    // Each expansion is one or two known characters (declared entities are never honoured), so
    // expansions cannot amplify the input and Woodstox's default cap of 100,000 would only fail
    // big, honest documents.
    factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, Long.MAX_VALUE);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(
        XMLInputFactory.RESOLVER,
        (XMLResolver)
            (publicId, systemId, base, ns) -> {
              throw new XMLStreamException("refusing to resolve " + systemId);
            });
    factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
    factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_CHARS);
    factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES);
  }

  /**
   * The configured factory itself: benchmarks compare the extractor with a bare pass of this
   * parser.
   */
  XMLInputFactory factory() {
    return factory;
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
    return translate(e, null);
  }

  /**
   * @param fallback where the reader stood, for errors that carry no location of their own (parser
   *     limits)
   */
  static ExtractionException translate(XMLStreamException e, Location fallback) {
    Location at = e.getLocation() != null ? e.getLocation() : fallback;
    String where =
        at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    String what = firstLine(e.getMessage());
    Matcher undeclared = UNDECLARED.matcher(what);
    if (undeclared.lookingAt()) {
      return new ExtractionException(
          Kind.FORBIDDEN_DTD,
          "entity &"
              + undeclared.group(1)
              + ";"
              + where
              + " needs a DTD, and figstream never expands DTD entities",
          e);
    }
    // A cut inside a multi-byte UTF-8 character is reported by the decoder, not as an EOF
    // exception.
    if (e instanceof WstxEOFException
        || what.startsWith("Unexpected EOF in the middle of a multi-byte char")) {
      return new ExtractionException(
          Kind.TRUNCATED, "document ends early" + where + ": " + what, e);
    }
    if (what.startsWith("Maximum")) {
      return new ExtractionException(
          Kind.TOO_LARGE, "document exceeds a parser limit" + where + ": " + what, e);
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
