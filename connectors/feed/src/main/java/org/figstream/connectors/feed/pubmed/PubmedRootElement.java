package org.figstream.connectors.feed.pubmed;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.connectors.feed.pubmed.PubmedXmlException.Kind;

/**
 * The kinds of root a PubMed document may have, so that {@link PubmedXmlReader} decides from the
 * root alone how to read on; an E-utilities error answer or a root that is not PubMed's fails here,
 * before any item is read.
 */
enum PubmedRootElement {
  /** A {@code PubmedArticleSet}: citations and deletions follow, one element each. */
  ARTICLE_SET,
  /** A lone {@code PubmedArticle} or {@code PubmedBookArticle}, the whole document one citation. */
  LONE_ARTICLE;

  /**
   * Reads the prolog (declaration, DOCTYPE never resolved, comments) up to the root element and
   * leaves {@code r} on its start.
   *
   * @throws PubmedXmlException an E-utilities {@code <ERROR>} answer, or a root that is not
   *     PubMed's
   */
  static PubmedRootElement read(XMLStreamReader r) throws XMLStreamException {
    while (r.next() != XMLStreamConstants.START_ELEMENT) {
      // prolog: declaration, DOCTYPE (never resolved), comments
    }
    String root = r.getLocalName();
    switch (root) {
      case "PubmedArticleSet" -> {
        return ARTICLE_SET;
      }
      case "PubmedArticle", "PubmedBookArticle" -> {
        return LONE_ARTICLE;
      }
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
    throw new PubmedXmlException(
        Kind.NOT_PUBMED,
        "the root element is <"
            + root
            + ">, not PubmedArticleSet, PubmedArticle or "
            + "PubmedBookArticle");
  }

  /** The error an {@code <ERROR>} element (E-utilities' answer instead of records) stands for. */
  static PubmedXmlException eutilsError(XMLStreamReader r) throws XMLStreamException {
    String message = XmlText.flatten(r);
    return new PubmedXmlException(
        Kind.EUTILS_ERROR,
        "E-utilities answered with an error instead of records: "
            + (message == null ? "(no message)" : message));
  }
}
