package org.figstream.connectors.feed.pubmed;

import org.figstream.processors.api.ExtractionException;

/** PubMed XML that cannot be read, with a kind so the caller can tell retry from dead letter. */
public final class PubmedXmlException extends RuntimeException {

  public enum Kind {
    EMPTY,
    NOT_XML,
    MALFORMED,
    TRUNCATED,
    TOO_LARGE,
    FORBIDDEN_DTD,
    /** Well-formed XML that is not a PubMed article set (an HTML page, PMC XML, ...). */
    NOT_PUBMED,
    /**
     * E-utilities answered with an {@code <ERROR>} instead of records: a problem with the request
     * or the service, not with any citation, so no PMID in it should be marked unresolvable.
     */
    EUTILS_ERROR
  }

  private final Kind kind;

  public PubmedXmlException(Kind kind, String message) {
    this(kind, message, null);
  }

  public PubmedXmlException(Kind kind, String message, Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
  }

  /** The same failure in PubMed's terms; the XML-level kinds share their names. */
  static PubmedXmlException of(ExtractionException e) {
    String prefix = e.kind() + ": ";
    String message = e.getMessage();
    if (message != null && message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    Kind kind =
        e.kind() == ExtractionException.Kind.NOT_AN_ARTICLE
            ? Kind.NOT_PUBMED
            : Kind.valueOf(e.kind().name());
    return new PubmedXmlException(kind, message, e);
  }

  public Kind kind() {
    return kind;
  }
}
