package org.figstream.connectors.feed.sample;

import java.time.Duration;
import java.util.List;

/**
 * What the emulator does wrong, on purpose. A request (an object of any kind, a listing) whose path
 * starts with {@code under} fails with probability {@code rate}, at most {@code maxPerPath} times
 * per path so that a client that retries always gets it in the end; which requests fail is fixed by
 * the seed.
 */
public record Faults(
    double rate,
    long seed,
    List<Kind> kinds,
    Duration slowDelay,
    int retryAfterSeconds,
    int maxPerPath,
    String under) {

  public Faults {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "a fault rate is a share of requests, from 0 to 1 (0.2 is 20%): got " + rate);
    }
  }

  /** The same faults, only for paths (object keys) that start with {@code prefix}. */
  public Faults under(String prefix) {
    return new Faults(rate, seed, kinds, slowDelay, retryAfterSeconds, maxPerPath, prefix);
  }

  /** The ways a response goes wrong. */
  public enum Kind {
    /** 503 Service Unavailable. */
    SERVER_ERROR,
    /** 429 Too Many Requests with a Retry-After. */
    TOO_MANY_REQUESTS,
    /** The response comes after {@code slowDelay}. */
    SLOW,
    /** The connection is closed without an answer. */
    RESET,
    /** The full Content-Length is announced, half the body sent, then the connection closed. */
    TRUNCATED,
    /** The body has one byte changed: its MD5 no longer matches. */
    WRONG_BODY
  }

  public static Faults none() {
    return new Faults(0, 0, List.of(), Duration.ZERO, 0, 0, "");
  }

  /** Every kind, at {@code rate}, each path failing at most twice. */
  public static Faults all(double rate, long seed) {
    return new Faults(rate, seed, List.of(Kind.values()), Duration.ofMillis(300), 1, 2, "");
  }

  public static Faults only(Kind kind, double rate, int maxPerPath) {
    return new Faults(rate, 7, List.of(kind), Duration.ofMillis(300), 1, maxPerPath, "");
  }
}
