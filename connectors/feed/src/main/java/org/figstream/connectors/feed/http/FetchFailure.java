package org.figstream.connectors.feed.http;

import java.time.Duration;
import java.util.List;
import reactor.core.Exceptions;

/**
 * Why a download failed, classified once so that retry and dead-letter decisions read the same
 * reason. {@code reason} is short and stable ({@code http-503}, {@code md5-mismatch}, {@code
 * timeout}, {@code host-not-allowed}...), fit for metrics tags and dead-letter records.
 */
public final class FetchFailure extends RuntimeException {
  private final String reason;
  private final String url;
  private final boolean retryable;
  private final Duration retryAfter;
  private final int attempts;

  FetchFailure(
      String reason,
      String url,
      boolean retryable,
      Duration retryAfter,
      String message,
      Throwable cause,
      int attempts) {
    super(message, cause);
    this.reason = reason;
    this.url = url;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
    this.attempts = attempts;
  }

  static FetchFailure retryable(String reason, String url, String message, Throwable cause) {
    return new FetchFailure(reason, url, true, null, message, cause, 1);
  }

  static FetchFailure permanent(String reason, String url, String message) {
    return new FetchFailure(reason, url, false, null, message, null, 1);
  }

  static FetchFailure throttled(String url, Duration retryAfter) {
    return new FetchFailure(
        "http-429",
        url,
        true,
        retryAfter,
        "HTTP 429 Too Many Requests from "
            + url
            + (retryAfter == null ? "" : ", retry after " + retryAfter),
        null,
        1);
  }

  FetchFailure afterAttempts(int n) {
    return new FetchFailure(
        reason,
        url,
        retryable,
        retryAfter,
        getMessage() + " (gave up after " + n + (n == 1 ? " attempt)" : " attempts)"),
        getCause(),
        n);
  }

  public String reason() {
    return reason;
  }

  public String url() {
    return url;
  }

  public boolean retryable() {
    return retryable;
  }

  /**
   * Whether the source, not the content, failed: a 5xx, 429, reset, timeout or truncated body that
   * outlasted the retries says the source is down, and is worth waiting out however long it takes.
   * An MD5 mismatch that survived refetching is wrong content: retrying again would not fix it.
   */
  public boolean sourceUnavailable() {
    return retryable && !reason.equals("md5-mismatch");
  }

  /**
   * The failure to act on when requests made side by side failed at once: Reactor's flatMap and zip
   * operators may hand their errors on combined ({@code Exceptions.multiple}), which is no
   * FetchFailure. The source being down comes first, since the whole operation should wait it out
   * (a 404 among the failures is seen again once it is back); then the first other FetchFailure;
   * {@code e} itself when it is not combined or holds none.
   */
  public static Throwable representative(Throwable e) {
    if (!Exceptions.isMultiple(e)) {
      return e;
    }
    List<Throwable> all = Exceptions.unwrapMultiple(e);
    for (Throwable t : all) {
      if (t instanceof FetchFailure f && f.sourceUnavailable()) {
        return f;
      }
    }
    for (Throwable t : all) {
      if (t instanceof FetchFailure) {
        return t;
      }
    }
    return e;
  }

  /** The server's Retry-After, when it sent one. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public int attempts() {
    return attempts;
  }
}
