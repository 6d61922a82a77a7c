package org.figstream.connectors.feed.http;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Exponential backoff with jitter for retryable failures (429, 5xx, timeouts, resets, truncated
 * bodies, MD5 mismatches), honouring a server's Retry-After when it asks for longer. Every retry is
 * counted by host and reason, so a flaky source shows in the metrics before it shows as dead
 * letters.
 */
final class RetryPolicy {
  static final String RETRIES_METRIC = HttpFetcher.RETRIES_METRIC;

  private final HttpSettings settings;
  private final MeterRegistry metrics;

  RetryPolicy(HttpSettings settings, MeterRegistry metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  Retry forHost(String host) {
    return Retry.from(
        signals ->
            signals.concatMap(
                signal -> {
                  Throwable error = signal.failure();
                  int attempts = (int) signal.totalRetries() + 1;
                  if (!(error instanceof FetchFailure failure)) {
                    return Mono.error(error);
                  }
                  if (!failure.retryable() || attempts >= settings.maxAttempts()) {
                    return Mono.error(failure.afterAttempts(attempts));
                  }
                  metrics
                      .counter(RETRIES_METRIC, "host", host, "reason", failure.reason())
                      .increment();
                  Duration wait = backoff(attempts);
                  if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
                    wait = failure.retryAfter();
                  }
                  return Mono.delay(wait);
                }));
  }

  Duration backoff(int attempt) {
    return Backoff.exponential(
        settings.firstBackoff(), settings.maxBackoff(), settings.jitter(), attempt);
  }
}
