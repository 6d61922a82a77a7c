package org.figstream.connectors.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.http.FetchFailure;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.http.RetryCounts;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.DeadLetter;
import org.figstream.records.FileRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;

/**
 * Fetching article versions from the emulator: every byte as on disk, faults survived, failures
 * named.
 */
class ArticleFetcherTest {
  private static final SampleBucket BUCKET = SampleBucket.load(SampleArticles.root());

  private static HttpFetcher http(SimpleMeterRegistry metrics) {
    return new HttpFetcher(
        HttpSettings.defaults(Set.of("127.0.0.1"))
            .withRate("127.0.0.1", 500)
            .withRetries(6, Duration.ofMillis(10), Duration.ofMillis(100)),
        // HttpSettings' timeouts (10 s, 30 s), not shorter: the tests count every retry as an
        // injected fault, so a slow answer (300 ms) must not time out even when a loaded CI
        // machine stalls this JVM for seconds (CI once counted one retry more than the faults
        // injected, most likely such a timeout)
        metrics);
  }

  private static Announcement announce(BucketClient client, int article) {
    String key = BucketLayout.metadataKey(SampleBucket.pmcid(article), 1);
    // checked against the ETag, as the feed does with the inventory's: a corrupted body is retried
    ArticleMetadata m = client.metadata(key, BUCKET.objects(1).get(key).etag()).block();
    return new Announcement(Change.VERSION, key, m.pmcid(), 1, null, null, "test", m);
  }

  private static List<Path> images(String folder) throws IOException {
    try (Stream<Path> files = Files.list(SampleArticles.root().resolve(folder))) {
      return files
          .filter(p -> SampleArticles.isImage(p.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void shouldFetchEveryArticleByteForByteDespiteTwentyPercentFaults() throws IOException {
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.all(0.2, 7));
        HttpFetcher http = http(metrics)) {
      BucketLayout layout = new BucketLayout(emulator.baseUrl());
      BucketClient client = new BucketClient(layout, http);
      ArticleFetcher fetcher = new ArticleFetcher(layout, http, 4);

      List<Announcement> announcements =
          IntStream.rangeClosed(1, 8).mapToObj(a -> announce(client, a)).toList();
      List<FetchOutcome> outcomes =
          Flux.fromIterable(announcements).concatMap(fetcher::fetch).collectList().block();

      for (int a = 1; a <= 8; a++) {
        FetchedArticle got = (FetchedArticle) outcomes.get(a - 1);
        String folder = BUCKET.folder(a);
        Path xml = SampleArticles.article(folder).xmlFile();
        assertThat(got.xml()).as(folder).isEqualTo(Files.readAllBytes(xml));
        List<Path> expected = images(folder);
        assertThat(got.media().keySet())
            .as(folder)
            .containsExactlyElementsOf(
                expected.stream().map(p -> p.getFileName().toString()).toList());
        for (Path image : expected) {
          assertThat(got.media().get(image.getFileName().toString()))
              .isEqualTo(Files.readAllBytes(image));
        }
      }
      Map<Faults.Kind, Long> injected = emulator.faultsInjected();
      long failing =
          injected.entrySet().stream()
              .filter(e -> e.getKey() != Faults.Kind.SLOW)
              .mapToLong(Map.Entry::getValue)
              .sum();
      double retries = RetryCounts.total(metrics);
      assertThat(injected.keySet()).containsExactlyInAnyOrder(Faults.Kind.values());
      assertThat(retries)
          .as(RetryCounts.byReason(metrics) + " against injected " + injected)
          .isEqualTo((double) failing);
      // each kind of fault shows in the metrics under its own reason (a slow answer is no failure)
      assertThat(RetryCounts.of(metrics, "http-503"))
          .isEqualTo(injected.get(Faults.Kind.SERVER_ERROR));
      assertThat(RetryCounts.of(metrics, "http-429"))
          .isEqualTo(injected.get(Faults.Kind.TOO_MANY_REQUESTS));
      assertThat(RetryCounts.of(metrics, "md5-mismatch"))
          .isEqualTo(injected.get(Faults.Kind.WRONG_BODY));
      assertThat(RetryCounts.of(metrics, "connection-closed"))
          .isEqualTo(injected.get(Faults.Kind.RESET) + injected.get(Faults.Kind.TRUNCATED));
    }
  }

  @Test
  void shouldDeadLetterAHostOutsideTheAllowListWithoutContactingIt() {
    try (HttpFetcher http = http(new SimpleMeterRegistry())) {
      BucketLayout layout = new BucketLayout("http://127.0.0.1:9");
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
              new FileRef("https://elsewhere.example.org/PMC1.1.xml", null),
              null,
              null,
              List.of(),
              Map.of());
      FetchOutcome outcome =
          new ArticleFetcher(layout, http, 2)
              .fetch(
                  new Announcement(
                      Change.VERSION, "metadata/PMC1.1.json", "PMC1", 1, null, null, "test", m))
              .block();

      assertThat(outcome)
          .isInstanceOfSatisfying(
              FetchOutcome.Failed.class,
              failed -> {
                DeadLetter d = failed.deadLetter();
                assertThat(d.reason()).isEqualTo("host-not-allowed");
                assertThat(d.stage()).isEqualTo("fetch");
                assertThat(d.pmcid()).isEqualTo("PMC1");
                assertThat(d.source()).isEqualTo("https://elsewhere.example.org/PMC1.1.xml");
                assertThat(failed.sourceUnavailable()).isFalse();
              });
    }
  }

  @Test
  void shouldMarkA503OutageAsTheSourceBeingDown() {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none());
        HttpFetcher http = http(new SimpleMeterRegistry())) {
      BucketLayout layout = new BucketLayout(emulator.baseUrl());
      Announcement first = announce(new BucketClient(layout, http), 1);

      emulator.outage(true);
      FetchOutcome down = new ArticleFetcher(layout, http, 2).fetch(first).block();

      assertThat(down)
          .isInstanceOfSatisfying(
              FetchOutcome.Failed.class,
              failed -> {
                assertThat(failed.sourceUnavailable()).isTrue();
                assertThat(failed.deadLetter().reason()).isEqualTo("http-503");
                assertThat(failed.deadLetter().attempts()).isEqualTo(6);
              });
      assertThat(emulator.outageAnswers()).isGreaterThanOrEqualTo(6);
    }
  }

  @Test
  void shouldRecheckA404AndCallAVersionWhoseMetadataIsGoneTooRemoved() {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none());
        HttpFetcher http = http(new SimpleMeterRegistry())) {
      BucketLayout layout = new BucketLayout(emulator.baseUrl());
      BucketClient client = new BucketClient(layout, http);
      Announcement removedLater = announce(client, 4);
      Announcement missingFiles = announce(client, 5);
      ArticleFetcher fetcher = new ArticleFetcher(layout, http, 2);

      // day 2 removes article 4's version, metadata and files (see SampleBucket)
      emulator.publishNextDay();
      FetchOutcome gone = fetcher.fetch(removedLater).block();
      // article 5's files answer 404 while its metadata stays: the bucket lists a broken version
      String article5 = SampleBucket.pmcid(5) + ".1/";
      emulator.withhold(article5);
      FetchOutcome broken = fetcher.fetch(missingFiles).block();

      assertThat(gone)
          .isInstanceOfSatisfying(
              FetchOutcome.Gone.class,
              g -> {
                assertThat(g.announcement()).isEqualTo(removedLater);
                assertThat(g.message())
                    .startsWith(layout.url(SampleBucket.pmcid(4) + ".1/"))
                    .contains("metadata/" + SampleBucket.pmcid(4) + ".1.json answer 404");
              });
      assertThat(broken)
          .isInstanceOfSatisfying(
              FetchOutcome.Failed.class,
              failed -> {
                assertThat(failed.sourceUnavailable()).isFalse();
                assertThat(failed.deadLetter().reason()).isEqualTo("http-404");
                assertThat(failed.deadLetter().attempts()).isEqualTo(1);
                assertThat(failed.deadLetter().source()).startsWith(layout.url(article5));
                assertThat(failed.deadLetter().message())
                    .endsWith(
                        "(rechecked: the version's metadata metadata/"
                            + SampleBucket.pmcid(5)
                            + ".1.json is still in the bucket)");
              });
    }
  }

  /**
   * Images fetched side by side that fail at the same moment reach the fetcher combined into one
   * error (Reactor's {@code Exceptions.multiple}); such a race is rare (3 in 20,000 in isolation),
   * so the failures here are real ones from the emulator, combined as Reactor combines them.
   */
  @Test
  void shouldTakeFailuresThatArriveCombinedForWhatTheyAre() {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none());
        HttpFetcher http = http(new SimpleMeterRegistry())) {
      BucketLayout layout = new BucketLayout(emulator.baseUrl());
      Announcement a = announce(new BucketClient(layout, http), 1);
      ArticleFetcher fetcher = new ArticleFetcher(layout, http, 2);
      Throwable missing = failure(http, layout.url(SampleBucket.pmcid(1) + ".1/no-such.jpg"));
      emulator.outage(true);
      Throwable down = failure(http, layout.url(SampleBucket.pmcid(1) + ".1/fig1.jpg"));
      emulator.outage(false);

      // the source down outweighs a missing file: the request waits, and is fetched again
      assertThat(fetcher.outcomeOf(a, Exceptions.multiple(missing, down)).block())
          .isInstanceOfSatisfying(
              FetchOutcome.Failed.class,
              failed -> {
                assertThat(failed.sourceUnavailable()).isTrue();
                assertThat(failed.deadLetter().reason()).isEqualTo("http-503");
              });
      // only missing files: rechecked as a single 404 is, and the version is still there
      assertThat(fetcher.outcomeOf(a, Exceptions.multiple(missing, missing)).block())
          .isInstanceOfSatisfying(
              FetchOutcome.Failed.class,
              failed -> {
                assertThat(failed.sourceUnavailable()).isFalse();
                assertThat(failed.deadLetter().reason()).isEqualTo("http-404");
                assertThat(failed.deadLetter().message()).contains("(rechecked: ");
              });
      // nothing a download reports: a dead letter saying what it was
      assertThat(fetcher.outcomeOf(a, new IllegalStateException("bug")).block())
          .isInstanceOfSatisfying(
              FetchOutcome.Failed.class,
              failed -> {
                assertThat(failed.sourceUnavailable()).isFalse();
                assertThat(failed.deadLetter().reason()).isEqualTo("error");
                assertThat(failed.deadLetter().message())
                    .isEqualTo("java.lang.IllegalStateException: bug");
              });
    }
  }

  private static Throwable failure(HttpFetcher http, String url) {
    try {
      http.get(url, 1 << 20, null).block();
    } catch (RuntimeException e) {
      assertThat(e).isInstanceOf(FetchFailure.class);
      return e;
    }
    throw new AssertionError(url + " did not fail");
  }

  @Test
  void shouldDeadLetterAnUnreachableBucketAfterItsRetries() {
    BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none());
    BucketLayout layout = new BucketLayout(emulator.baseUrl());
    Announcement a;
    try (HttpFetcher first = http(new SimpleMeterRegistry())) {
      a = announce(new BucketClient(layout, first), 1);
    }
    emulator.close();
    // a new client: the first one's pooled keep-alive connection would outlive the server's
    // listener
    try (HttpFetcher http = http(new SimpleMeterRegistry())) {

      FetchOutcome outcome = new ArticleFetcher(layout, http, 2).fetch(a).block();

      assertThat(outcome)
          .isInstanceOfSatisfying(
              FetchOutcome.Failed.class,
              failed -> {
                DeadLetter d = failed.deadLetter();
                assertThat(d.reason()).isEqualTo("connect-failed");
                assertThat(d.attempts()).isEqualTo(6);
                assertThat(d.message()).contains("cannot connect", "gave up after 6 attempts");
                // a bucket that does not answer at all is down too: waited out, not given up
                assertThat(failed.sourceUnavailable()).isTrue();
              });
    }
  }
}
