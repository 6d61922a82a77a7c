package org.figstream.connectors.feed.pubmed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.pubmed.ScriptedServer.Answer;
import org.figstream.connectors.feed.pubmed.ScriptedServer.Request;
import org.figstream.records.DeadLetter;
import org.junit.jupiter.api.Test;

/** efetch over real HTTP on loopback, against a scripted server. */
class EfetchLookupTest {
  private static final Function<Request, Answer> ECHO =
      r -> Answer.ok(ScriptedServer.articleSet(r.ids(), null));

  private static HttpSettings http() {
    return HttpSettings.defaults(Set.of("127.0.0.1"))
        .withRetries(4, Duration.ofMillis(10), Duration.ofMillis(50));
  }

  private static PubmedSettings settings(ScriptedServer server) {
    return PubmedSettings.defaults()
        .at(server.baseUrl() + "/entrez/eutils", server.baseUrl() + "/pubmed/updatefiles/")
        .withIdentity("figstream-test", "dev@example.org", null);
  }

  /** Small batches and limits, to see batching and pacing with a few PMIDs. */
  private static PubmedSettings batched(ScriptedServer server, int batchSize) {
    PubmedSettings base = settings(server);
    return new PubmedSettings(
        base.eutilsBaseUrl(),
        base.updateFilesUrl(),
        "t",
        null,
        null,
        batchSize,
        3.0,
        10.0,
        1 << 20,
        1 << 20,
        1 << 20,
        10);
  }

  private static EfetchResult lookup(
      ScriptedServer server,
      PubmedSettings settings,
      HttpSettings http,
      List<String> pmids,
      RecordingSinks sinks) {
    try (HttpFetcher fetcher = new HttpFetcher(http, new SimpleMeterRegistry())) {
      return new EfetchLookup(settings, fetcher, new PubmedXmlParser())
          .lookup(pmids, sinks.sinks())
          .block(Duration.ofSeconds(60));
    }
  }

  @Test
  void shouldPostDistinctPmidsInBatchesOfAtMost200() {
    List<String> pmids = new ArrayList<>();
    IntStream.rangeClosed(1, 450).forEach(i -> pmids.add(String.valueOf(30_000_000 + i)));
    List<String> asked = new ArrayList<>(pmids);
    asked.addAll(pmids.subList(0, 10)); // duplicates are asked once
    RecordingSinks sinks = new RecordingSinks();
    try (ScriptedServer server = new ScriptedServer(ECHO)) {
      EfetchResult result = lookup(server, settings(server), http(), asked, sinks);

      assertThat(result).isEqualTo(new EfetchResult(450, 450, 0, 0, 0, 3));
      assertThat(server.requests).hasSize(3);
      assertThat(server.requests).allMatch(r -> r.method().equals("POST"));
      assertThat(server.requests)
          .allMatch(r -> r.path().equals("/entrez/eutils/efetch.fcgi"))
          .allMatch(r -> "pubmed".equals(r.param("db")) && "xml".equals(r.param("retmode")));
      assertThat(server.requests.stream().map(r -> r.ids().size())).containsExactly(200, 200, 50);
      assertThat(server.requests.stream().flatMap(r -> r.ids().stream()))
          .containsExactlyElementsOf(pmids);
      assertThat(sinks.pmids()).containsExactlyElementsOf(pmids);
      assertThat(sinks.deadLetters).isEmpty();
    }
  }

  @Test
  void shouldSendToolEmailAndApiKeyInTheBodyAndNeverTheKeyInAUrl() {
    RecordingSinks sinks = new RecordingSinks();
    try (ScriptedServer server = new ScriptedServer(r -> Answer.ok("<PubmedArticleSet/>"))) {
      PubmedSettings keyed =
          settings(server).withIdentity("figstream-test", "dev@example.org", "secret-key-1");
      lookup(server, keyed, http(), List.of("31274109"), sinks);

      Request r = server.requests.get(0);
      assertThat(r.param("tool")).isEqualTo("figstream-test");
      assertThat(r.param("email")).isEqualTo("dev@example.org");
      assertThat(r.param("api_key")).isEqualTo("secret-key-1");
      assertThat(r.rawQuery()).isEmpty();
      assertThat(sinks.deadLetters)
          .singleElement()
          .satisfies(d -> assertThat(d.source() + d.message()).doesNotContain("secret-key-1"));
    }
  }

  @Test
  void shouldSpaceRequestsAtTheConfiguredRate() {
    RecordingSinks sinks = new RecordingSinks();
    try (ScriptedServer server = new ScriptedServer(ECHO)) {
      PubmedSettings one = batched(server, 1);
      List<String> pmids = List.of("1", "2", "3", "4", "5", "6", "7");
      EfetchResult result = lookup(server, one, one.rateLimited(http()), pmids, sinks);

      assertThat(result.requests()).isEqualTo(7);
      // 3 a second: 7 requests span 6 intervals of 1/3 s; loosely, at least 1.5 s
      long spanMillis =
          (server.requests.get(6).nanos() - server.requests.get(0).nanos()) / 1_000_000;
      assertThat(spanMillis).isGreaterThanOrEqualTo(1500);
      // and no second holds more than 4 of them
      for (Request first : server.requests) {
        long inSecond =
            server.requests.stream()
                .filter(
                    r -> r.nanos() >= first.nanos() && r.nanos() < first.nanos() + 1_000_000_000L)
                .count();
        assertThat(inSecond).isLessThanOrEqualTo(4);
      }
    }
  }

  @Test
  void shouldReportAPmidEfetchDoesNotAnswerAsUnresolvedOnce() {
    RecordingSinks sinks = new RecordingSinks();
    try (ScriptedServer server =
        new ScriptedServer(r -> Answer.ok(ScriptedServer.articleSet(List.of("31274109"), null)))) {
      EfetchResult result =
          lookup(
              server,
              settings(server),
              http(),
              List.of("31274109", "99999999", "99999999", " ", "abc"),
              sinks);

      assertThat(result).isEqualTo(new EfetchResult(4, 1, 1, 0, 2, 1));
      assertThat(server.requests).hasSize(1);
      assertThat(server.requests.get(0).ids()).containsExactly("31274109", "99999999");
      assertThat(sinks.pmids()).containsExactly("31274109");
      assertThat(sinks.deadLetters.stream().map(DeadLetter::reason))
          .containsExactly("bad-pmid", "bad-pmid", "pmid-unresolved");
      DeadLetter unresolved = sinks.deadLetters.get(2);
      assertThat(unresolved.stage()).isEqualTo(PubmedDeadLetters.EFETCH);
      assertThat(unresolved.source()).endsWith("/efetch.fcgi?db=pubmed&id=99999999");
      assertThat(unresolved.message()).contains("99999999", "not asked again");
    }
  }

  @Test
  void shouldDeadLetterEveryPmidOfABatchAnsweredWithAnErrorAndGoOn() {
    RecordingSinks sinks = new RecordingSinks();
    // built in the layout of efetch's error envelope: NCBI's answers for db=pubmed were not found
    String error =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<eFetchResult>\n"
            + "\t<ERROR>Cannot retrieve history data. query_key: 1</ERROR>\n</eFetchResult>\n";
    try (ScriptedServer server =
        new ScriptedServer(r -> r.ids().contains("1") ? Answer.ok(error) : ECHO.apply(r))) {
      PubmedSettings two = batched(server, 2);
      EfetchResult result = lookup(server, two, http(), List.of("1", "2", "3", "4"), sinks);

      assertThat(result).isEqualTo(new EfetchResult(4, 2, 0, 2, 0, 2));
      assertThat(sinks.pmids()).containsExactly("3", "4");
      assertThat(sinks.deadLetters).hasSize(2);
      assertThat(sinks.deadLetters)
          .allSatisfy(
              d -> {
                assertThat(d.reason()).isEqualTo("xml-eutils_error");
                assertThat(d.message()).contains("Cannot retrieve history data. query_key: 1");
              });
      assertThat(sinks.deadLetters.stream().map(DeadLetter::source))
          .allMatch(s -> s.endsWith("id=1") || s.endsWith("id=2"));
    }
  }

  @Test
  void shouldRetryA429AndThenDeliver() {
    AtomicInteger calls = new AtomicInteger();
    RecordingSinks sinks = new RecordingSinks();
    try (ScriptedServer server =
        new ScriptedServer(
            r ->
                calls.incrementAndGet() == 1
                    ? Answer.status(429, Map.of("Retry-After", "0"))
                    : ECHO.apply(r))) {
      EfetchResult result = lookup(server, settings(server), http(), List.of("31274109"), sinks);

      assertThat(server.requests).hasSize(2);
      assertThat(result).isEqualTo(new EfetchResult(1, 1, 0, 0, 0, 1));
      assertThat(sinks.pmids()).containsExactly("31274109");
    }
  }

  @Test
  void shouldFailTheBatchClearlyWhenEveryAttemptIsThrottled() {
    RecordingSinks sinks = new RecordingSinks();
    try (ScriptedServer server =
        new ScriptedServer(r -> Answer.status(429, Map.of("Retry-After", "0")))) {
      EfetchResult result =
          lookup(server, settings(server), http(), List.of("31274109", "29963580"), sinks);

      assertThat(server.requests).hasSize(4); // maxAttempts
      assertThat(result).isEqualTo(new EfetchResult(2, 0, 0, 2, 0, 1));
      assertThat(sinks.deadLetters)
          .hasSize(2)
          .allSatisfy(
              d -> {
                assertThat(d.reason()).isEqualTo("http-429");
                assertThat(d.attempts()).isEqualTo(4);
                assertThat(d.message()).contains("gave up after 4 attempts");
              });
    }
  }

  @Test
  void shouldDeadLetterABatchWhoseAnswerIsNotPubmedXml() {
    RecordingSinks sinks = new RecordingSinks();
    try (ScriptedServer server =
        new ScriptedServer(
            r ->
                Answer.ok(
                    "<?xml version=\"1.0\" ?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation>"))) {
      EfetchResult result = lookup(server, settings(server), http(), List.of("31274109"), sinks);

      assertThat(result.failed()).isEqualTo(1);
      assertThat(server.requests).hasSize(1); // bad content is not retried
      assertThat(sinks.deadLetters)
          .singleElement()
          .satisfies(d -> assertThat(d.reason()).startsWith("xml-"));
      assertThat(sinks.records).isEmpty();
    }
  }
}
