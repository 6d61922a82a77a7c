package org.figstream.connectors.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.http.UrlCheck;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.FileRef;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: metadata in the bucket naming the bucket's host on another port. The allow-list is
 * built as the app builds it, from the bucket URL with its port, so the other port is refused and
 * never contacted (a bare loopback listener on it sees no connection).
 */
class ArticleFetcherPortTest {

  @Test
  void shouldDeadLetterTheBucketsHostOnAnotherPortWithoutContactingIt() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        HttpFetcher http =
            new HttpFetcher(
                HttpSettings.defaults(Set.of(UrlCheck.origin("http://127.0.0.1:9"))),
                new SimpleMeterRegistry())) {
      String xml = "http://127.0.0.1:" + other.getLocalPort() + "/PMC1.1.xml";
      ArticleMetadata m =
          new ArticleMetadata(
              "PMC1",
              1,
              null,
              null,
              null,
              null,
              "CC BY",
              true,
              false,
              false,
              false,
              new FileRef(xml, null),
              null,
              null,
              List.of(),
              Map.of());

      FetchOutcome outcome =
          new ArticleFetcher(new BucketLayout("http://127.0.0.1:9"), http, 2)
              .fetch(
                  new Announcement(
                      Change.VERSION, "metadata/PMC1.1.json", "PMC1", 1, null, null, "test", m))
              .block();

      assertThat(outcome)
          .isInstanceOfSatisfying(
              FetchOutcome.Failed.class,
              failed -> {
                assertThat(failed.deadLetter().reason()).isEqualTo("host-not-allowed");
                assertThat(failed.deadLetter().source()).isEqualTo(xml);
                assertThat(failed.sourceUnavailable()).isFalse();
              });
      other.setSoTimeout(200); // a connection made would be waiting in the backlog by now
      assertThatThrownBy(other::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }
}
