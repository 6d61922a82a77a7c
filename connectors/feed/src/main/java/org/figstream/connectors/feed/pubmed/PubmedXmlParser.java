package org.figstream.connectors.feed.pubmed;

import com.ctc.wstx.exc.WstxLazyException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.connectors.feed.pubmed.PubmedXmlException.Kind;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.PubmedRecord;

/**
 * Reads PubMed XML: an efetch {@code db=pubmed} answer or a daily update file (both a {@code
 * PubmedArticleSet}, the update files also with {@code DeleteCitation}), or a lone {@code
 * PubmedArticle} or {@code PubmedBookArticle}. It opens XML only through the JATS extractor's
 * factory, so the DOCTYPE every NLM file carries is never fetched, no entity is ever expanded from
 * a DTD, and depth and text size are bounded. Thread-safe.
 */
public final class PubmedXmlParser {
  /**
   * Above an efetch answer of 200 citations with long reference lists and an uncompressed daily
   * update file (each well under 200 MB).
   */
  public static final int DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

  private static final XMLInputFactory FACTORY = JatsExtractor.parserFactory();

  private final int maxBytes;

  public PubmedXmlParser() {
    this(DEFAULT_MAX_BYTES);
  }

  public PubmedXmlParser(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * @throws PubmedXmlException for empty, oversized, non-XML, malformed, truncated or DTD-dependent
   *     input, XML that is not PubMed's, and E-utilities {@code <ERROR>} answers
   */
  public PubmedArticleSet parse(byte[] xml) {
    try {
      JatsExtractor.checkDocument(xml, maxBytes);
    } catch (ExtractionException e) {
      throw PubmedXmlException.of(e);
    }
    List<PubmedRecord> records = new ArrayList<>();
    List<DeletedCitation> deletions = new ArrayList<>();
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
      readDocument(r, records, deletions);
    } catch (XMLStreamException e) {
      throw PubmedXmlException.of(JatsExtractor.readError(e, r == null ? null : r.getLocation()));
    } catch (WstxLazyException e) {
      // Woodstox reports bad text (an undeclared entity, a bad character reference) unchecked,
      // from getText(): still bad input, not a crash.
      XMLStreamException cause =
          e.getCause() instanceof XMLStreamException x ? x : new XMLStreamException(e.getMessage());
      throw PubmedXmlException.of(JatsExtractor.readError(cause, r.getLocation()));
    } finally {
      close(r);
    }
    return new PubmedArticleSet(records, deletions);
  }

  private static void readDocument(
      XMLStreamReader r, List<PubmedRecord> records, List<DeletedCitation> deletions)
      throws XMLStreamException {
    while (r.next() != XMLStreamConstants.START_ELEMENT) {
      // prolog: declaration, DOCTYPE (never resolved), comments
    }
    String root = r.getLocalName();
    switch (root) {
      case "PubmedArticleSet" ->
          XmlText.children(
              r,
              name -> {
                switch (name) {
                  case "PubmedArticle", "PubmedBookArticle" ->
                      records.add(PubmedRecordReader.read(r));
                  case "DeleteCitation" -> readDeletions(r, deletions);
                  case "ERROR" -> throw eutilsError(r);
                  default -> {
                    return false;
                  }
                }
                return true;
              });
      case "PubmedArticle", "PubmedBookArticle" -> records.add(PubmedRecordReader.read(r));
      case "ERROR" -> throw eutilsError(r);
      case "eFetchResult" ->
          // efetch's own error envelope: <eFetchResult><ERROR>...</ERROR></eFetchResult>
          XmlText.children(
              r,
              name -> {
                if (name.equals("ERROR")) {
                  throw eutilsError(r);
                }
                return false;
              });
      default -> {}
    }
    if (!root.equals("PubmedArticleSet")
        && !root.equals("PubmedArticle")
        && !root.equals("PubmedBookArticle")) {
      throw new PubmedXmlException(
          Kind.NOT_PUBMED,
          "the root element is <"
              + root
              + ">, not PubmedArticleSet, PubmedArticle or "
              + "PubmedBookArticle");
    }
    // Read to the end, so that a cut or garbage after the root is not taken for a whole answer.
    while (r.hasNext()) {
      r.next();
    }
  }

  private static void readDeletions(XMLStreamReader r, List<DeletedCitation> deletions)
      throws XMLStreamException {
    XmlText.children(
        r,
        name -> {
          if (!name.equals("PMID")) {
            return false;
          }
          int version = version(XmlText.attribute(r, "Version"));
          String pmid = XmlText.flatten(r);
          if (pmid != null) {
            deletions.add(new DeletedCitation(pmid, version));
          }
          return true;
        });
  }

  private static PubmedXmlException eutilsError(XMLStreamReader r) throws XMLStreamException {
    String message = XmlText.flatten(r);
    return new PubmedXmlException(
        Kind.EUTILS_ERROR,
        "E-utilities answered with an error instead of records: "
            + (message == null ? "(no message)" : message));
  }

  /** A PMID's Version attribute; NLM omits it for version 1. */
  static int version(String attribute) {
    if (attribute == null) {
      return 1;
    }
    try {
      return Integer.parseInt(attribute);
    } catch (NumberFormatException e) {
      throw new PubmedXmlException(
          Kind.MALFORMED, "PMID Version=\"" + attribute + "\" is not a number", e);
    }
  }

  private static void close(XMLStreamReader r) {
    if (r == null) {
      return;
    }
    try {
      r.close();
    } catch (XMLStreamException ignored) {
      // nothing was acquired that closing could fail to release
    }
  }
}
