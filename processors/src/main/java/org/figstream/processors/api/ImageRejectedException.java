package org.figstream.processors.api;

import java.util.Locale;

/**
 * Why a figure's image bytes could not be normalised. Always thrown instead of the decoders' own
 * exceptions, so that callers (and the dead-letter topic) can route on {@link #reason()} alone.
 */
public final class ImageRejectedException extends RuntimeException {

  /** The kinds of bad input; stable names, they end up in dead-letter records. */
  public enum Reason {
    /** Zero bytes. */
    EMPTY,
    /** More bytes than the configured maximum; refused before any parsing. */
    TOO_LARGE,
    /** The header declares more pixels than the configured maximum (a decompression bomb). */
    TOO_MANY_PIXELS,
    /** The header declares a zero or negative width or height. */
    BAD_DIMENSIONS,
    /** No decoder recognises the bytes, or the format is not one figstream accepts. */
    UNSUPPORTED_FORMAT,
    /** The format was recognised but the header or pixel data is broken or truncated. */
    CORRUPT
  }

  private final Reason reason;

  public ImageRejectedException(Reason reason, String message) {
    this(reason, message, null);
  }

  public ImageRejectedException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** The reason as dead letters and {@code imageProblem} name it: {@code image-too-many-pixels}. */
  public String problem() {
    return "image-" + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
