package org.figstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Issue 18: a bucket (a tiny server standing in, by {@code --bucket-url}) that lists one inventory
 * and answers its manifest with a 301 to another host. figstream does not follow it, and says so in
 * one line: no stack trace. The other host, a bare loopback listener, sees no connection.
 */
class RedirectedManifestTest {
  private static final String DAY = "2026-11-20T01-00Z";
  private static final String MANIFEST = BucketLayout.INVENTORY_PREFIX + DAY + "/manifest.json";

  private ServerSocket elsewhere;
  private DisposableServer bucket;
  private String target;

  @BeforeEach
  void start() throws Exception {
    elsewhere = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    target = "http://localhost:" + elsewhere.getLocalPort() + "/manifest.json";
    String listing =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><CommonPrefixes><Prefix>"
            + BucketLayout.INVENTORY_PREFIX
            + DAY
            + "/</Prefix></CommonPrefixes><IsTruncated>false</IsTruncated></ListBucketResult>";
    bucket =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (req, res) ->
                    req.uri().startsWith("/?list-type=2")
                        ? res.sendString(Mono.just(listing))
                        : req.uri().equals("/" + MANIFEST)
                            ? res.status(301).header("Location", target).send()
                            : res.status(404).send())
            .bindNow();
  }

  @AfterEach
  void stop() throws Exception {
    bucket.disposeNow();
    elsewhere.close();
  }

  private String expected() {
    return "HTTP 301 Moved Permanently from http://127.0.0.1:"
        + bucket.port()
        + "/"
        + MANIFEST
        + ", a redirect to "
        + target
        + " that figstream does not follow (gave up after 1 attempt)";
  }

  private void assertNothingReachedTheOtherHost() throws Exception {
    elsewhere.setSoTimeout(200); // a connection made would be waiting in the backlog by now
    assertThatThrownBy(elsewhere::accept).isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void feedShouldEndWithOneLineNamingTheRedirect(@TempDir Path data) throws Exception {
    String bucketUrl = "http://127.0.0.1:" + bucket.port();
    FeedCommandTest.Run run =
        FeedCommandTest.run(
            Map.of(), "feed", "--bucket-url", bucketUrl, "--data-dir", data.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines().filter(l -> !l.matches("feed: \\d+ announced, .* so far")))
        .containsExactly("feed: " + expected());
    assertNothingReachedTheOtherHost();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void runUntilCaughtUpShouldEndWithOneLineNamingTheRedirect(@TempDir Path data) throws Exception {
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = Main.commandLine(Map.of());
    cli.setErr(new PrintWriter(err, true));

    int exit =
        cli.execute(
            "run",
            "--bucket-url",
            "http://127.0.0.1:" + bucket.port(),
            "--until-caught-up",
            "--no-dataset",
            "--no-pubmed",
            "--data-dir",
            data.toString(),
            "--http-port",
            "0");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("run: the feed pass failed: " + expected() + "\n")
        .doesNotContain("\tat ", "Exception");
    assertNothingReachedTheOtherHost();
  }
}
