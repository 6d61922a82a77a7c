package org.figstream.connectors.feed.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.file.Path;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * One try at a URL, from sending the request to a checked body. Kept apart from {@link HttpFetcher}
 * so that the fetcher holds only what outlives an attempt (the client, the rate limiter, retries
 * and metrics), while everything that judges a single answer lives here: its status, its declared
 * length, the {@link BodyPace} that bounds a trickle, the headers-only timeout, and the length and
 * MD5 checks on what arrived. Any failure comes out as a classified {@link FetchFailure}, which is
 * what {@link RetryPolicy} decides on.
 */
final class FetchAttempt {
  private final HttpSettings settings;

  FetchAttempt(HttpSettings settings) {
    this.settings = settings;
  }

  /** What to do with a successful response's body. */
  interface BodyReader<T> {
    Mono<T> read(long declaredLength, Flux<byte[]> body);
  }

  /** Collects the body in memory, then checks its length and (unless {@code md5} is null) MD5. */
  static BodyReader<byte[]> inMemory(String url, long maxBytes, String md5) {
    return (declared, body) ->
        body.collect(() -> new LimitedBuffer(maxBytes, url), LimitedBuffer::add)
            .map(buffer -> complete(url, buffer, declared, md5));
  }

  /**
   * Streams the body into {@code target} off the event loop (file writes block), then checks its
   * length and (unless {@code md5} is null) MD5.
   */
  static BodyReader<Path> intoFile(String url, Path target, long maxBytes, String md5) {
    return (declared, body) ->
        Mono.using(
            () -> new FileSink(target, maxBytes, url),
            sink ->
                body.concatMap(
                        chunk ->
                            Mono.fromRunnable(() -> sink.write(chunk))
                                .subscribeOn(Schedulers.boundedElastic()))
                    .then(Mono.fromCallable(() -> sink.finish(declared, md5))),
            FileSink::close);
  }

  /** Reads a 200 answer's body with {@code reader}; anything else becomes a classified failure. */
  <T> Mono<T> run(
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
                    Flux<byte[]> paced = body.asByteArray().doOnNext(pace::arrived);
                    FetchFailure status = Failures.ofStatus(url, response);
                    // an answer that is refused is still read to its end (the connection goes
                    // back to the pool), at the same pace as any body: a trickle fails it
                    if (status != null) {
                      return paced.then(Mono.<T>error(status));
                    }
                    long declared = contentLength(response);
                    if (declared > maxBytes) {
                      return paced.then(Mono.<T>error(tooLarge(url, declared, maxBytes)));
                    }
                    return reader.read(declared, paced);
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

  private static byte[] complete(String url, LimitedBuffer buffer, long declared, String md5) {
    checkLength(url, buffer.size(), declared);
    byte[] bytes = buffer.toByteArray();
    if (md5 != null) {
      checkMd5(url, HttpFetcher.md5Hex(bytes), md5);
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
}
