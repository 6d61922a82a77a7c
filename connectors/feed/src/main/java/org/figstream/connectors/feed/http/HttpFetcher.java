package org.figstream.connectors.feed.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Every network read figstream makes: Reactor Netty, non-blocking, only to allow-listed hosts, rate
 * limited per host, bounded in concurrency and body size, retried with backoff, and (when the
 * source states one) checked against an MD5. This class holds what outlives a single try (the
 * pooled client, the per-host rate limiter, the retry policy and the request metrics); how one
 * answer is judged and read is {@link FetchAttempt}'s job.
 */
public final class HttpFetcher implements AutoCloseable {
  public static final String REQUESTS_METRIC = "figstream.http.requests";
  public static final String RETRIES_METRIC = "figstream.http.retries";

  private final HttpSettings settings;
  private final MeterRegistry metrics;
  private final ConnectionProvider connections;
  private final HttpClient client;
  private final HostRateLimiter limiter;
  private final RetryPolicy retry;
  private final FetchAttempt attempt;

  public HttpFetcher(HttpSettings settings, MeterRegistry metrics) {
    this.settings = settings;
    this.metrics = metrics;
    this.connections =
        ConnectionProvider.builder("figstream-http")
            .maxConnections(settings.maxConcurrency())
            .pendingAcquireMaxCount(-1)
            .build();
    this.client =
        HttpClient.create(connections)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
            .responseTimeout(settings.responseTimeout())
            .followRedirect(false)
            // Reactor Netty would silently resend once on a closed connection; every retry goes
            // through RetryPolicy instead, so that it is backed off, bounded and counted
            .disableRetry(true);
    this.limiter = new HostRateLimiter(settings);
    this.retry = new RetryPolicy(settings, metrics);
    this.attempt = new FetchAttempt(settings);
  }

  /**
   * GETs {@code url} and completes with its body, or fails with a {@link FetchFailure} once retries
   * are spent (or at once for a failure no retry can fix: 404, a disallowed host, a body over the
   * limit).
   *
   * @param md5 lower-case hex the body must hash to, or null to skip the check
   */
  public Mono<byte[]> get(String url, long maxBytes, String md5) {
    return execute(
        url,
        uri ->
            attempt.run(
                url, client.get().uri(uri), maxBytes, FetchAttempt.inMemory(url, maxBytes, md5)));
  }

  /**
   * POSTs {@code form} ({@code application/x-www-form-urlencoded}, already encoded) to {@code url}
   * and completes with the answer's body: for requests too long for a URL, such as an efetch of 200
   * PMIDs, and for parameters that must not show in a URL (an API key: the URL is what failure
   * messages and dead letters quote). Same allow-list, rate limit, limits and retries as {@link
   * #get}.
   */
  public Mono<byte[]> post(String url, String form, long maxBytes) {
    byte[] payload = form.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return execute(
        url,
        uri ->
            attempt.run(
                url,
                client
                    .headers(
                        h ->
                            h.set(
                                    HttpHeaderNames.CONTENT_TYPE,
                                    "application/x-www-form-urlencoded; charset=UTF-8")
                                .set(HttpHeaderNames.CONTENT_LENGTH, payload.length))
                    .post()
                    .uri(uri)
                    .send(ByteBufFlux.fromString(Mono.just(form))),
                maxBytes,
                FetchAttempt.inMemory(url, maxBytes, null)));
  }

  /**
   * GETs {@code url} into {@code target} (rewritten on every attempt), streaming: for bodies too
   * big to hold in memory, such as inventory parts. Same allow-list, limits, retries and MD5 check
   * as {@link #get}.
   */
  public Mono<Path> download(String url, Path target, long maxBytes, String md5) {
    return execute(
        url,
        uri ->
            attempt.run(
                url,
                client.get().uri(uri),
                maxBytes,
                FetchAttempt.intoFile(url, target, maxBytes, md5)));
  }

  /**
   * Checks {@code url} against the allow-list once, then runs {@code once} under the host's rate
   * limit and retry policy, counting the final outcome per host.
   */
  private <T> Mono<T> execute(String url, java.util.function.Function<URI, Mono<T>> once) {
    URI uri;
    try {
      uri = UrlCheck.parse(url, settings);
    } catch (FetchFailure e) {
      return Mono.error(e);
    }
    String host = UrlCheck.host(uri);
    return Mono.defer(() -> limiter.acquire(host).then(Mono.defer(() -> once.apply(uri))))
        .retryWhen(retry.forHost(host))
        .doOnSuccess(
            b -> metrics.counter(REQUESTS_METRIC, "host", host, "outcome", "ok").increment())
        .doOnError(
            e ->
                metrics
                    .counter(
                        REQUESTS_METRIC,
                        "host",
                        host,
                        "outcome",
                        e instanceof FetchFailure f ? f.reason() : "error")
                    .increment());
  }

  /** Lower-case hex MD5 of {@code bytes}, the form sources state checksums in. */
  public static String md5Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    connections.dispose();
  }
}
