package org.figstream.connectors.feed.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Bodies that take longer than the time allowed for the headers, against a real server on loopback:
 * connect and response timeouts of 1 s each, so the headers get 4 s.
 */
class HttpFetcherSlowBodyTest {
  private static final int CHUNK = 32 * 1024;
  private static final int CHUNKS = 20;

  /** 640 KiB in 20 chunks 300 ms apart: 6 s at about 107 KiB/s, above the floor of 64 KiB/s. */
  private static final byte[] BODY = pattern(CHUNK * CHUNKS);

  private static final String BODY_MD5 = "18eceec5f2213b0186bfa1e69385ec17";

  private final AtomicInteger stallRequests = new AtomicInteger();
  private DisposableServer server;
  private SimpleMeterRegistry metrics;
  private HttpFetcher http;

  @BeforeEach
  void start() {
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (req, res) ->
                    switch (req.uri()) {
                      case "/steady" ->
                          res.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(BODY.length))
                              .sendByteArray(
                                  Flux.interval(Duration.ofMillis(300))
                                      .take(CHUNKS)
                                      .map(i -> chunk(i.intValue())));
                      case "/stall" -> {
                        stallRequests.incrementAndGet();
                        // half the body, then silent for 3 s: longer than the 1 s idle timeout
                        yield res.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(2 * CHUNK))
                            .sendByteArray(
                                Flux.concat(
                                    Mono.just(chunk(0)),
                                    Mono.delay(Duration.ofSeconds(3)).map(t -> chunk(1))));
                      }
                      case "/trickle" ->
                          // a byte every 200 ms: never silent for the idle timeout, but far too
                          // slow
                          res.header(HttpHeaderNames.CONTENT_LENGTH, "100")
                              .sendByteArray(
                                  Flux.interval(Duration.ofMillis(200))
                                      .take(100)
                                      .map(i -> new byte[] {1}));
                      default -> res.status(500).send();
                    })
            .bindNow();
    metrics = new SimpleMeterRegistry();
    http = new HttpFetcher(settings(2), metrics);
  }

  private static HttpSettings settings(int attempts) {
    return HttpSettings.defaults(Set.of("127.0.0.1"))
        .withRate("127.0.0.1", 1000)
        .withRetries(attempts, Duration.ofMillis(20), Duration.ofMillis(100))
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    http.close();
    server.disposeNow();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  @Test
  void shouldReadABodyThatKeepsArrivingForLongerThanTheHeadersAllowance(@TempDir Path dir)
      throws Exception {
    // both at once, so the test takes the body's 6 s once
    Mono<byte[]> got = http.get(url("/steady"), BODY.length, BODY_MD5);
    Mono<Path> downloaded =
        http.download(url("/steady"), dir.resolve("part.gz"), BODY.length, BODY_MD5);

    var both = Mono.zip(got, downloaded).block(Duration.ofSeconds(15));

    assertThat(HttpFetcher.md5Hex(both.getT1())).isEqualTo(BODY_MD5);
    assertThat(both.getT1()).hasSize(655_360).isEqualTo(BODY);
    assertThat(Files.readAllBytes(both.getT2())).hasSize(655_360).isEqualTo(BODY);
    assertThat(RetryCounts.total(metrics)).isZero();
  }

  @Test
  void shouldStillFailABodyThatStallsLongerThanTheIdleTimeout(@TempDir Path dir) {
    assertTimedOut(() -> http.get(url("/stall"), 1 << 20, null).block(Duration.ofSeconds(15)));
    assertTimedOut(
        () ->
            http.download(url("/stall"), dir.resolve("p"), 1 << 20, null)
                .block(Duration.ofSeconds(15)));

    assertThat(stallRequests.get()).isEqualTo(4);
    assertThat(RetryCounts.of(metrics, "timeout")).isEqualTo(2);
  }

  @Test
  void shouldFailABodyThatTricklesBelowTheFloor() {
    try (HttpFetcher once = new HttpFetcher(settings(1), metrics)) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> once.get(url("/trickle"), 1024, null).block(Duration.ofSeconds(15)))
          .isInstanceOfSatisfying(
              FetchFailure.class,
              f -> {
                assertThat(f.reason()).isEqualTo("timeout");
                assertThat(f.getMessage()).contains("arrived slower than 65536 bytes/s");
              });
      // the 4 s allowance plus the one byte-time or so it takes to notice
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofMillis(3900), Duration.ofMillis(6000));
    }
  }

  private static void assertTimedOut(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            FetchFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo("timeout");
              assertThat(f.attempts()).isEqualTo(2);
            });
  }

  private static byte[] chunk(int index) {
    return Arrays.copyOfRange(BODY, index * CHUNK, (index + 1) * CHUNK);
  }

  private static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int j = 0; j < size; j++) {
      bytes[j] = (byte) (j * 31 + 7);
    }
    return bytes;
  }
}
