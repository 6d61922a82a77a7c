package org.figstream.processors.api;

/** Why an article's XML could not be turned into records; the message says where and what. */
public final class ExtractionException extends RuntimeException {

  /** The kinds of bad input, so callers (and the dead-letter topic) can tell them apart. */
  public enum Kind {
    EMPTY,
    NOT_XML,
    MALFORMED,
    TRUNCATED,
    TOO_LARGE,
    FORBIDDEN_DTD,
    NOT_AN_ARTICLE
  }

  private final Kind kind;

  public ExtractionException(Kind kind, String message) {
    this(kind, message, null);
  }

  public ExtractionException(Kind kind, String message, Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
