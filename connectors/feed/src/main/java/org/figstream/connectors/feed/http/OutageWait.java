package org.figstream.connectors.feed.http;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Waits out a source that is down: a read that failed only because the source was unavailable (see
 * {@link FetchFailure#sourceUnavailable()}) after its own retries is tried again after a wait that
 * doubles up to a cap, with no limit on the rounds, because an outage of a real bucket or of
 * E-utilities can last hours and the alternative is a hole in the dataset. The wait ends when the
 * subscription is cancelled (the run stops).
 */
public final class OutageWait {
  public static final Duration FIRST_WAIT = Duration.ofSeconds(2);
  public static final Duration MAX_WAIT = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(OutageWait.class);

  private OutageWait() {}

  /** A retry spec for a read of {@code what} (for the log). */
  public static RetryBackoffSpec of(String what) {
    return Retry.backoff(Long.MAX_VALUE, FIRST_WAIT)
        .maxBackoff(MAX_WAIT)
        .jitter(0.2)
        .filter(e -> e instanceof FetchFailure f && f.sourceUnavailable())
        .doBeforeRetry(
            signal ->
                LOG.warn(
                    "source unavailable for {} ({}), waiting to try again (round {})",
                    what,
                    signal.failure().getMessage(),
                    signal.totalRetries() + 1));
  }
}
