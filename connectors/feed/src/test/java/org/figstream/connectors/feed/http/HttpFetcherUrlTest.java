package org.figstream.connectors.feed.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Issue 18: URLs that point elsewhere than the allow-list says. "allowed" is a Reactor Netty server
 * on 127.0.0.1; "evil" is a bare loopback listener that must never see a connection.
 */
class HttpFetcherUrlTest {
  private static final byte[] BODY = "ok".getBytes(StandardCharsets.UTF_8);
  private static final String NOT_SENT = "; refused before any connection, nothing was sent";

  private final AtomicInteger requests = new AtomicInteger();
  private DisposableServer allowed;
  private ServerSocket evil;
  private String a; // 127.0.0.1:<allowed port>
  private String e; // localhost:<evil port>

  @BeforeEach
  void start() throws Exception {
    evil = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    e = "localhost:" + evil.getLocalPort();
    allowed =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (req, res) -> {
                  requests.incrementAndGet();
                  return req.uri().equals("/moved")
                      ? res.status(301).header("Location", "http://" + e + "/ok").send()
                      : res.sendByteArray(Mono.just(BODY));
                })
            .bindNow();
    a = "127.0.0.1:" + allowed.port();
  }

  @AfterEach
  void stop() throws Exception {
    allowed.disposeNow();
    evil.close();
  }

  private static HttpFetcher fetcher(String... hosts) {
    return new HttpFetcher(
        HttpSettings.defaults(Set.of(hosts))
            .withRetries(2, Duration.ofMillis(20), Duration.ofMillis(50))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)),
        new SimpleMeterRegistry());
  }

  private void assertRefused(HttpFetcher http, String url, String reason, String message)
      throws Exception {
    assertThatThrownBy(() -> http.get(url, 1024, null).block())
        .as(url)
        .isInstanceOfSatisfying(
            FetchFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo(reason);
              assertThat(f.retryable()).isFalse();
              assertThat(f.getMessage()).isEqualTo(message);
            });
    assertThat(requests.get()).as("requests to the allowed server").isZero();
    evil.setSoTimeout(200); // a connection made would be waiting in the backlog by now
    assertThatThrownBy(evil::accept).as(url).isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void shouldAdmitAHostAndPortEntryOnItsPortOnly() throws Exception {
    try (HttpFetcher http = fetcher(a)) {
      assertThat(http.get("http://" + a + "/ok", 1024, null).block()).isEqualTo(BODY);
      requests.set(0);
      int other = evil.getLocalPort();

      assertRefused(
          http,
          "http://127.0.0.1:" + other + "/ok",
          "host-not-allowed",
          "host 127.0.0.1 on port "
              + other
              + " is not in the allow-list ["
              + a
              + "]; nothing was sent");
    }
  }

  @Test
  void shouldRefuseUserInfoFragmentsAndBackslashesBeforeConnecting() throws Exception {
    // a bare host admits any port: only the URL's shape stands between these and "evil"
    try (HttpFetcher http = fetcher("127.0.0.1", "localhost")) {
      String userInfo = " has user info (name@ before the host)" + NOT_SENT;
      String fragment = " has a fragment (#...)" + NOT_SENT;
      for (String url :
          new String[] {"http://127.0.0.1@" + e + "/ok", "http://" + e + "@" + a + "/ok"}) {
        assertRefused(http, url, "bad-url", "URL " + url + userInfo);
      }
      for (String url : new String[] {"http://" + a + "#@" + e + "/ok", "http://" + a + "/ok#x"}) {
        assertRefused(http, url, "bad-url", "URL " + url + fragment);
      }
      for (String url : new String[] {"http://" + e + "\\@" + a + "/ok", "http://" + a + "\\ok"}) {
        assertRefused(
            http,
            url,
            "bad-url",
            "URL " + url + " contains a backslash, which parsers read differently" + NOT_SENT);
      }
      String noHost = "http://allowed_host:" + allowed.port() + "/ok";
      assertRefused(
          http,
          noHost,
          "bad-url",
          "URL " + noHost + " has no host java.net.URI can read" + NOT_SENT);
    }
  }

  @Test
  void shouldNotFollowARedirectAndSayWhereItPointed() throws Exception {
    try (HttpFetcher http = fetcher("127.0.0.1", "localhost")) {
      assertThatThrownBy(() -> http.get("http://" + a + "/moved", 1024, null).block())
          .isInstanceOfSatisfying(
              FetchFailure.class,
              f -> {
                assertThat(f.reason()).isEqualTo("http-301");
                assertThat(f.retryable()).isFalse();
                assertThat(f.getMessage())
                    .isEqualTo(
                        "HTTP 301 Moved Permanently from http://"
                            + a
                            + "/moved, a redirect to http://"
                            + e
                            + "/ok that figstream does not follow (gave up after 1 attempt)");
              });
      assertThat(requests.get()).isEqualTo(1);
      evil.setSoTimeout(200);
      assertThatThrownBy(evil::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }
}
