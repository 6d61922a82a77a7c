package org.figstream.connectors.feed.pubmed;

/** An update file that cannot be used as it is: a bad gzip stream or md5 file, too much data. */
public final class UpdateFileException extends RuntimeException {
  private final String reason;

  UpdateFileException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Short and stable, as in {@link PubmedDeadLetters}. */
  public String reason() {
    return reason;
  }
}
