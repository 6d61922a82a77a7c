package org.figstream.connectors.feed.http;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Waits out a source that is down: a read that failed only because the source was unavailable (see
 * {@link FetchFailure#sourceUnavailable()}) after its own retries is tried again after a wait that
 * doubles up to a cap ({@link #forRound}), with no limit on the rounds, because an outage of a real
 * bucket or of E-utilities can last hours and the alternative is a hole in the dataset. The wait
 * ends when the subscription is cancelled (the run stops).
 */
public final class OutageWait {
  public static final Duration FIRST_WAIT = Duration.ofSeconds(2);
  public static final Duration MAX_WAIT = Duration.ofMinutes(1);

  /** Either way, so that clients held by the same outage do not all come back at once. */
  public static final double JITTER = 0.2;

  private static final Logger LOG = LoggerFactory.getLogger(OutageWait.class);

  private OutageWait() {}

  /** How long round {@code round} (1, 2, ...) of waiting for a source lasts. */
  public static Duration forRound(long round) {
    return Backoff.exponential(FIRST_WAIT, MAX_WAIT, JITTER, round);
  }

  /** A retry for a read of {@code what} (for the log). */
  public static Retry of(String what) {
    return Retry.from(
        signals ->
            signals.concatMap(
                signal -> {
                  if (!(FetchFailure.representative(signal.failure()) instanceof FetchFailure f
                      && f.sourceUnavailable())) {
                    return Mono.error(signal.failure());
                  }
                  long round = signal.totalRetries() + 1;
                  LOG.warn(
                      "source unavailable for {} ({}), waiting to try again (round {})",
                      what,
                      f.getMessage(),
                      round);
                  return Mono.delay(forRound(round));
                }));
  }
}
