package org.figstream.connectors.feed.local;

/** An article on disk that cannot be used, with a short reason for the dead-letter record. */
final class UnusableInputException extends Exception {
  private final String reason;

  UnusableInputException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
