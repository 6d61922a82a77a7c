package org.figstream.connectors.feed.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How figstream talks to the hosts it is allowed to talk to: nothing else is ever contacted.
 *
 * @param allowedHosts what may be contacted, lower case: {@code host} allows that host on any port
 *     (tests on loopback ports rely on it), {@code host:port} only on that port ({@link
 *     UrlCheck#origin} builds one from a configured URL); any other URL fails unsent
 * @param requestsPerSecond per-host request rate; hosts not named get {@code
 *     defaultRequestsPerSecond}
 * @param maxConcurrency requests in flight at once, over all hosts
 * @param connectTimeout to open a connection
 * @param responseTimeout the longest silence while waiting for or reading a response (an idle
 *     timeout, not a cap on the body); an attempt also has {@code 2 x (connectTimeout +
 *     responseTimeout)} to get its headers, and its body must then keep up {@link
 *     #MIN_BODY_BYTES_PER_SECOND}
 * @param maxAttempts attempts per request, the first included (retries = maxAttempts - 1)
 * @param jitter fraction (0..1) by which each backoff is randomly lengthened or shortened
 */
public record HttpSettings(
    Set<String> allowedHosts,
    Map<String, Double> requestsPerSecond,
    double defaultRequestsPerSecond,
    int maxConcurrency,
    Duration connectTimeout,
    Duration responseTimeout,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    double jitter) {

  /** NCBI asks for at most 3 requests per second without an API key. */
  public static final double NCBI_REQUESTS_PER_SECOND = 3.0;

  /**
   * The slowest a response body may arrive once its headers are in (see {@link BodyPace}): 64
   * KiB/s, about 0.5 Mbit/s, far below any link that can keep up with PMC (a 31 MB PubMed update
   * file then gets about 8 minutes, an 8 GiB inventory part 36 hours), yet far above a server that
   * trickles a byte at a time to stay under the idle timeout.
   */
  public static final long MIN_BODY_BYTES_PER_SECOND = 64 * 1024;

  public HttpSettings {
    allowedHosts =
        allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    requestsPerSecond = Map.copyOf(requestsPerSecond);
  }

  /** The defaults for the given hosts: 20 requests/s to the bucket, 3 to NCBI, 6 attempts. */
  public static HttpSettings defaults(Set<String> allowedHosts) {
    return new HttpSettings(
        allowedHosts,
        Map.of(),
        20.0,
        16,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        6,
        Duration.ofMillis(200),
        Duration.ofSeconds(20),
        0.5);
  }

  public HttpSettings withRate(String host, double perSecond) {
    Map<String, Double> rates = new java.util.HashMap<>(requestsPerSecond);
    rates.put(host.toLowerCase(Locale.ROOT), perSecond);
    return new HttpSettings(
        allowedHosts,
        rates,
        defaultRequestsPerSecond,
        maxConcurrency,
        connectTimeout,
        responseTimeout,
        maxAttempts,
        firstBackoff,
        maxBackoff,
        jitter);
  }

  public HttpSettings withRetries(int attempts, Duration first, Duration max) {
    return new HttpSettings(
        allowedHosts,
        requestsPerSecond,
        defaultRequestsPerSecond,
        maxConcurrency,
        connectTimeout,
        responseTimeout,
        attempts,
        first,
        max,
        jitter);
  }

  public HttpSettings withTimeouts(Duration connect, Duration response) {
    return new HttpSettings(
        allowedHosts,
        requestsPerSecond,
        defaultRequestsPerSecond,
        maxConcurrency,
        connect,
        response,
        maxAttempts,
        firstBackoff,
        maxBackoff,
        jitter);
  }

  /** Whether {@code host} (lower case) may be contacted on {@code port}. */
  boolean allows(String host, int port) {
    return allowedHosts.contains(host) || allowedHosts.contains(host + ":" + port);
  }

  double rateFor(String host) {
    Double explicit = requestsPerSecond.get(host);
    if (explicit != null) {
      return explicit;
    }
    return host.endsWith("ncbi.nlm.nih.gov") ? NCBI_REQUESTS_PER_SECOND : defaultRequestsPerSecond;
  }
}
