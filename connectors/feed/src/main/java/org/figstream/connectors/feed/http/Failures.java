package org.figstream.connectors.feed.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;

/** Names what went wrong with a request, and whether trying again can help. */
final class Failures {
  private Failures() {}

  static FetchFailure ofStatus(String url, HttpClientResponse response) {
    int code = response.status().code();
    if (code == 200) {
      return null;
    }
    if (code == 429) {
      return FetchFailure.throttled(
          url, retryAfter(response.responseHeaders().get(HttpHeaderNames.RETRY_AFTER)));
    }
    String message = "HTTP " + code + " " + response.status().reasonPhrase() + " from " + url;
    if (code >= 300 && code < 400) {
      // redirects are not followed (the target could be anywhere); say where it pointed, so the
      // user can tell a moved bucket from a hostile one
      String location = response.responseHeaders().get(HttpHeaderNames.LOCATION);
      message +=
          ", a redirect to "
              + (location == null ? "no Location" : location)
              + " that figstream does not follow";
    }
    return code >= 500 || code == 408
        ? FetchFailure.retryable("http-" + code, url, message, null)
        : FetchFailure.permanent("http-" + code, url, message);
  }

  static FetchFailure of(String url, Throwable e) {
    if (e instanceof TimeoutException || e instanceof io.netty.handler.timeout.TimeoutException) {
      return FetchFailure.retryable(
          "timeout", url, "no complete answer from " + url + " in time", e);
    }
    if (e instanceof PrematureCloseException) {
      return FetchFailure.retryable(
          "connection-closed",
          url,
          "the connection to " + url + " closed before the response was complete",
          e);
    }
    if (e instanceof java.net.ConnectException
        || e instanceof io.netty.channel.ConnectTimeoutException) {
      return FetchFailure.retryable(
          "connect-failed", url, "cannot connect to " + url + ": " + e.getMessage(), e);
    }
    if (e instanceof IOException) {
      return FetchFailure.retryable(
          "io-error", url, "I/O error reading " + url + ": " + e.getMessage(), e);
    }
    return FetchFailure.retryable("error", url, "failed to read " + url + ": " + e, e);
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.min(300, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return null; // an HTTP-date: fall back to our own backoff
    }
  }
}
