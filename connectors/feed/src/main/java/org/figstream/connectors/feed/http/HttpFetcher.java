package org.figstream.connectors.feed.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * Every network read figstream makes: Reactor Netty, non-blocking, only to allow-listed hosts, rate
 * limited per host, bounded in concurrency and body size, retried with backoff, and (when the
 * source states one) checked against an MD5.
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
            // through
            // RetryPolicy instead, so that it is backed off, bounded and counted
            .disableRetry(true);
    this.limiter = new HostRateLimiter(settings);
    this.retry = new RetryPolicy(settings, metrics);
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
            once(
                url,
                client.get().uri(uri),
                maxBytes,
                (declared, body) ->
                    body.collect(() -> new LimitedBuffer(maxBytes, url), LimitedBuffer::add)
                        .map(buffer -> complete(url, buffer, declared, md5))));
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
            once(
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
                (declared, body) ->
                    body.collect(() -> new LimitedBuffer(maxBytes, url), LimitedBuffer::add)
                        .map(buffer -> complete(url, buffer, declared, null))));
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
            once(
                url,
                client.get().uri(uri),
                maxBytes,
                (declared, body) ->
                    Mono.using(
                        () -> new FileSink(target, maxBytes, url),
                        sink ->
                            body.concatMap(
                                    chunk ->
                                        Mono.fromRunnable(() -> sink.write(chunk))
                                            .subscribeOn(Schedulers.boundedElastic()))
                                .then(Mono.fromCallable(() -> sink.finish(declared, md5))),
                        FileSink::close)));
  }

  private <T> Mono<T> execute(String url, java.util.function.Function<URI, Mono<T>> attempt) {
    URI uri;
    try {
      uri = UrlCheck.parse(url, settings);
    } catch (FetchFailure e) {
      return Mono.error(e);
    }
    String host = UrlCheck.host(uri);
    return Mono.defer(() -> limiter.acquire(host).then(Mono.defer(() -> attempt.apply(uri))))
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

  /** Reads a 200 answer's body with {@code reader}; anything else becomes a classified failure. */
  private <T> Mono<T> once(
      String url,
      // built on the URI checked against the allow-list: Netty's own parse of the string may differ
      HttpClient.ResponseReceiver<?> request,
      long maxBytes,
      BodyReader<T> reader) {
    return Mono.defer(
        () -> {
          BodyPace pace =
              new BodyPace(
                  url,
                  settings.responseTimeout().plus(settings.connectTimeout()).multipliedBy(2),
                  HttpSettings.MIN_BODY_BYTES_PER_SECOND);
          return request
              .response(
                  (response, body) -> {
                    pace.answered();
                    FetchFailure status = Failures.ofStatus(url, response);
                    // an answer that is refused is still read to its end (the connection goes
                    // back to the pool), at the same pace as any body: a trickle fails it
                    if (status != null) {
                      return body.asByteArray().doOnNext(pace::arrived).then(Mono.<T>error(status));
                    }
                    long declared = contentLength(response);
                    if (declared > maxBytes) {
                      return body.asByteArray()
                          .doOnNext(pace::arrived)
                          .then(Mono.<T>error(tooLarge(url, declared, maxBytes)));
                    }
                    return reader.read(declared, body.asByteArray().doOnNext(pace::arrived));
                  })
              .single()
              // the allowance caps the wait for the headers only: a body may take as long as its
              // pace allows (an inventory part can take hours), and each silence is bounded by the
              // idle responseTimeout
              .timeout(
                  Mono.delay(pace.allowance())
                      .flatMap(t -> pace.isAnswered() ? Mono.never() : Mono.just(t)))
              .onErrorMap(e -> !(e instanceof FetchFailure), e -> Failures.of(url, e));
        });
  }

  private static FetchFailure tooLarge(String url, long declared, long maxBytes) {
    return FetchFailure.permanent(
        "too-large",
        url,
        "body of " + url + " is " + declared + " bytes, over the limit of " + maxBytes);
  }

  /** What to do with a successful response's body. */
  private interface BodyReader<T> {
    Mono<T> read(long declaredLength, Flux<byte[]> body);
  }

  private static byte[] complete(String url, LimitedBuffer buffer, long declared, String md5) {
    checkLength(url, buffer.size(), declared);
    byte[] bytes = buffer.toByteArray();
    if (md5 != null) {
      checkMd5(url, md5Hex(bytes), md5);
    }
    return bytes;
  }

  static void checkLength(String url, long received, long declared) {
    if (declared >= 0 && received != declared) {
      throw FetchFailure.retryable(
          "truncated",
          url,
          "body of " + url + " ended after " + received + " of " + declared + " bytes",
          null);
    }
  }

  static void checkMd5(String url, String actual, String expected) {
    if (!actual.equalsIgnoreCase(expected)) {
      throw FetchFailure.retryable(
          "md5-mismatch",
          url,
          "MD5 of " + url + " is " + actual + ", the source states " + expected,
          null);
    }
  }

  private static long contentLength(HttpClientResponse response) {
    String value = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
    try {
      return value == null ? -1 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

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
