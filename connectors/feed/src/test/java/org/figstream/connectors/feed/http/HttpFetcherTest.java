package org.figstream.connectors.feed.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** HttpFetcher against a real Reactor Netty server on loopback. */
class HttpFetcherTest {
  private static final byte[] BODY = "figure caption bytes".getBytes(StandardCharsets.UTF_8);

  private final AtomicInteger flakyCalls = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
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
                (req, res) -> {
                  requests.incrementAndGet();
                  return switch (req.uri()) {
                    case "/ok" -> res.sendByteArray(Mono.just(BODY));
                    case "/missing" ->
                        res.status(404)
                            .sendString(Mono.just("<Error><Code>NoSuchKey</Code></Error>"));
                    case "/flaky" ->
                        flakyCalls.incrementAndGet() <= 2
                            ? res.status(503).sendString(Mono.just("busy"))
                            : res.sendByteArray(Mono.just(BODY));
                    case "/throttled" ->
                        flakyCalls.incrementAndGet() <= 1
                            ? res.status(429).header("Retry-After", "1").send()
                            : res.sendByteArray(Mono.just(BODY));
                    case "/big" -> res.sendByteArray(Mono.just(new byte[4096]));
                    default -> res.status(500).send();
                  };
                })
            .bindNow();
    metrics = new SimpleMeterRegistry();
    http = new HttpFetcher(settings(Set.of("127.0.0.1")), metrics);
  }

  private static HttpSettings settings(Set<String> hosts) {
    return HttpSettings.defaults(hosts)
        .withRate("127.0.0.1", 1000)
        .withRetries(4, Duration.ofMillis(20), Duration.ofMillis(200))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
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
  void shouldReturnTheBodyWhenTheMd5Matches() {
    byte[] got = http.get(url("/ok"), 1024, HttpFetcher.md5Hex(BODY)).block();

    assertThat(got).isEqualTo(BODY);
  }

  @Test
  void shouldRetryServerErrorsAndCountTheRetries() {
    assertThat(http.get(url("/flaky"), 1024, null).block()).isEqualTo(BODY);

    assertThat(flakyCalls.get()).isEqualTo(3);
    assertThat(
            metrics
                .counter(RetryPolicy.RETRIES_METRIC, "host", "127.0.0.1", "reason", "http-503")
                .count())
        .isEqualTo(2.0);
  }

  @Test
  void shouldWaitAsLongAsRetryAfterSays() {
    long started = System.nanoTime();
    assertThat(http.get(url("/throttled"), 1024, null).block()).isEqualTo(BODY);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void shouldNotRetryANotFound() {
    assertThatThrownBy(() -> http.get(url("/missing"), 1024, null).block())
        .isInstanceOfSatisfying(
            FetchFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo("http-404");
              assertThat(f.attempts()).isEqualTo(1);
              assertThat(f.getMessage()).contains("HTTP 404", "/missing");
            });
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void shouldRetryAnMd5MismatchThenGiveUp() {
    assertThatThrownBy(() -> http.get(url("/ok"), 1024, "00000000000000000000000000000000").block())
        .isInstanceOfSatisfying(
            FetchFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo("md5-mismatch");
              assertThat(f.attempts()).isEqualTo(4);
            });
    assertThat(requests.get()).isEqualTo(4);
  }

  @Test
  void shouldRefuseABodyOverTheLimit() {
    assertThatThrownBy(() -> http.get(url("/big"), 1000, null).block())
        .isInstanceOfSatisfying(
            FetchFailure.class, f -> assertThat(f.reason()).isEqualTo("too-large"));
  }

  @Test
  void shouldNeverContactAHostOutsideTheAllowList() {
    assertThatThrownBy(
            () -> http.get("http://localhost:" + server.port() + "/ok", 1024, null).block())
        .isInstanceOfSatisfying(
            FetchFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo("host-not-allowed");
              assertThat(f.getMessage()).contains("nothing was sent");
            });
    assertThat(requests.get()).isZero();
  }

  @Test
  void shouldFailClearlyWhenTheHostIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    assertThatThrownBy(() -> http.get("http://127.0.0.1:" + closedPort + "/ok", 1024, null).block())
        .isInstanceOfSatisfying(
            FetchFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo("connect-failed");
              assertThat(f.attempts()).isEqualTo(4);
            });
  }

  @Test
  void shouldDownloadToAFileAndVerifyIt(@TempDir Path dir) throws Exception {
    Path file =
        http.download(url("/ok"), dir.resolve("part.gz"), 1024, HttpFetcher.md5Hex(BODY)).block();

    assertThat(Files.readAllBytes(file)).isEqualTo(BODY);
  }

  @Test
  void shouldSpaceRequestsToAHostAtItsRate() {
    HttpFetcher limited =
        new HttpFetcher(settings(Set.of("127.0.0.1")).withRate("127.0.0.1", 20), metrics);
    long started = System.nanoTime();
    reactor.core.publisher.Flux.range(0, 21)
        .flatMap(i -> limited.get(url("/ok"), 1024, null), 21)
        .blockLast();
    limited.close();

    // 21 requests at 20/s: the last may start no earlier than 1 s after the first
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(990));
    assertThat(requests.get()).isEqualTo(21);
  }

  @Test
  void shouldLimitNcbiHostsToThreeRequestsPerSecondByDefault() {
    HttpSettings defaults = HttpSettings.defaults(Set.of("eutils.ncbi.nlm.nih.gov"));

    assertThat(defaults.rateFor("eutils.ncbi.nlm.nih.gov")).isEqualTo(3.0);
    assertThat(defaults.rateFor("pmc-oa-opendata.s3.amazonaws.com")).isEqualTo(20.0);
  }
}
