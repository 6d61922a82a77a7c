package org.figstream.connectors.feed.pubmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.figstream.connectors.feed.discovery.FileCursorStore;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.pubmed.ScriptedServer.Answer;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** The update-file follower over real HTTP on loopback: the emulator, and a scripted server. */
class UpdateFileFollowerTest {
  private static final SampleBucket BUCKET = SampleBucket.load(SampleArticles.root());

  @TempDir Path dir;

  private static HttpSettings http() {
    return HttpSettings.defaults(Set.of("127.0.0.1"))
        .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50));
  }

  private UpdateFilesResult poll(String base, RecordingSinks sinks) {
    return poll(base, sinks.sinks(), PubmedXmlParser.DEFAULT_MAX_BYTES);
  }

  private UpdateFilesResult poll(String base, PubmedSinks sinks, int maxXmlBytes) {
    PubmedSettings d =
        PubmedSettings.defaults().at(base + "/entrez/eutils", base + "/pubmed/updatefiles/");
    PubmedSettings settings =
        new PubmedSettings(
            d.eutilsBaseUrl(),
            d.updateFilesUrl(),
            d.tool(),
            d.email(),
            d.apiKey(),
            d.batchSize(),
            d.requestsPerSecond(),
            d.requestsPerSecondWithKey(),
            d.maxEfetchBytes(),
            d.maxUpdateFileBytes(),
            maxXmlBytes,
            d.maxFilesPerPoll());
    try (HttpFetcher fetcher = new HttpFetcher(http(), new SimpleMeterRegistry())) {
      return new UpdateFileFollower(
              settings,
              fetcher,
              new PubmedXmlParser(),
              new FileCursorStore(dir.resolve("pubmed-cursor.json")),
              dir.resolve("work"))
          .poll(sinks)
          .block(Duration.ofSeconds(60));
    }
  }

  @Test
  void shouldStartFromTheNewestFileWithoutApplyingAnyOnAFirstStartFromNow() {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 2, Faults.none());
        HttpFetcher fetcher = new HttpFetcher(http(), new SimpleMeterRegistry())) {
      String base = emulator.baseUrl();
      UpdateFileFollower follower =
          new UpdateFileFollower(
              PubmedSettings.defaults().at(base + "/entrez/eutils", base + "/pubmed/updatefiles/"),
              fetcher,
              new PubmedXmlParser(),
              new FileCursorStore(dir.resolve("pubmed-cursor.json")),
              dir.resolve("work"));
      assertThat(follower.startFromNewest().block(Duration.ofSeconds(30)))
          .isEqualTo("pubmed26n1502.xml.gz");
      RecordingSinks sinks = new RecordingSinks();
      UpdateFilesResult result = follower.poll(sinks.sinks()).block(Duration.ofSeconds(30));
      assertThat(result.applied()).isEmpty();
      assertThat(sinks.records).isEmpty();
      // with a cursor it changes nothing
      assertThat(follower.startFromNewest().block(Duration.ofSeconds(30)))
          .isEqualTo("pubmed26n1502.xml.gz");
    }
  }

  @Test
  void shouldReadTheFilesOfAListingInNlmsLayout() {
    // the layout of https://ftp.ncbi.nlm.nih.gov/pubmed/updatefiles/ (an Apache index)
    String html =
        "<html><body><h1>Index of /pubmed/updatefiles</h1><pre>Name Last modified Size <hr>"
            + "<a href=\"/pubmed/\">Parent Directory</a> -\n"
            + "<a href=\"README.txt\">README.txt</a> 2025-12-12 14:25 4.5K\n"
            + "<a href=\"pubmed26n1336.xml.gz\">pubmed26n1336.xml.gz</a> 2026-01-02 15:32 39M\n"
            + "<a href=\"pubmed26n1336.xml.gz.md5\">pubmed26n1336.xml.gz.md5</a> 2026-01-02 60\n"
            + "<a href=\"pubmed26n1336_stats.html\">pubmed26n1336_stats.html</a> 2026-01-02 580\n"
            + "<a href=\"pubmed26n1335.xml.gz\">pubmed26n1335.xml.gz</a> 2026-01-01 15:32 31M\n"
            + "<a href=\"../x/pubmed26n1337.xml.gz.bak\">evil</a>\n"
            + "<a href=\"../../etc/passwd\">passwd</a>\n</pre></body></html>";

    assertThat(UpdateFileListing.files(html.getBytes(StandardCharsets.UTF_8)))
        .containsExactly("pubmed26n1335.xml.gz", "pubmed26n1336.xml.gz");
    assertThat(
            UpdateFileListing.md5(
                "MD5(pubmed26n1335.xml.gz)= 0123456789ABCDEF0123456789abcdef\n"
                    .getBytes(StandardCharsets.US_ASCII),
                "pubmed26n1335.xml.gz"))
        .isEqualTo("0123456789abcdef0123456789abcdef");
    assertThatThrownBy(
            () ->
                UpdateFileListing.md5(
                    "MD5(pubmed26n1336.xml.gz)= 0123456789abcdef0123456789abcdef"
                        .getBytes(StandardCharsets.US_ASCII),
                    "pubmed26n1335.xml.gz"))
        .isInstanceOf(UpdateFileException.class)
        .hasMessageContaining("does not read");
  }

  @Test
  void shouldApplyOnlyTheFilesAfterTheCursorInOrderAndResumeAfterARestart() throws IOException {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none())) {
      RecordingSinks day1 = new RecordingSinks();
      UpdateFilesResult first = poll(emulator.baseUrl(), day1);

      // day 1: 29963580 is in PMC (PMC6022861), 29768149 is not
      assertThat(first)
          .isEqualTo(new UpdateFilesResult(List.of("pubmed26n1501.xml.gz"), 1, 0, 1, null, 0));
      assertThat(day1.pmids()).containsExactly("29963580");
      assertThat(day1.deadLetters).isEmpty();

      // a new follower over the same cursor file: nothing again
      RecordingSinks again = new RecordingSinks();
      assertThat(poll(emulator.baseUrl(), again).applied()).isEmpty();
      assertThat(again.records).isEmpty();

      emulator.publishNextDay();
      RecordingSinks day2 = new RecordingSinks();
      UpdateFilesResult second = poll(emulator.baseUrl(), day2);

      assertThat(second)
          .isEqualTo(new UpdateFilesResult(List.of("pubmed26n1502.xml.gz"), 2, 1, 0, null, 0));
      assertThat(day2.pmids()).containsExactly("99000005", "27797938");
      assertThat(day2.deletions).containsExactly("29963580");
      assertThat(
              new FileCursorStore(dir.resolve("pubmed-cursor.json"))
                  .load()
                  .orElseThrow()
                  .inventory())
          .isEqualTo("pubmed26n1502.xml.gz");
    }
    // nothing left behind but the cursor and the (empty) work folder
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
          .containsExactly("pubmed-cursor.json");
    }
  }

  @Test
  void shouldDeadLetterAFileWhoseMd5DoesNotMatchAndStopBeforeIt() throws IOException {
    byte[] first = gzip(ScriptedServer.articleSet(List.of("1"), "PMC1"));
    byte[] second = gzip(ScriptedServer.articleSet(List.of("2"), "PMC2"));
    Map<String, String> md5 =
        new ConcurrentHashMap<>(
            Map.of(
                "pubmed26n0001.xml.gz",
                "00000000000000000000000000000000",
                "pubmed26n0002.xml.gz",
                HttpFetcher.md5Hex(second)));
    Map<String, byte[]> files =
        Map.of("pubmed26n0001.xml.gz", first, "pubmed26n0002.xml.gz", second);
    try (ScriptedServer server =
        new ScriptedServer(
            r -> {
              String name = r.path().substring("/pubmed/updatefiles/".length());
              if (name.isEmpty()) {
                return Answer.ok(
                    "<pre><a href=\"pubmed26n0002.xml.gz\">pubmed26n0002.xml.gz</a>\n"
                        + "<a href=\"pubmed26n0001.xml.gz\">pubmed26n0001.xml.gz</a></pre>");
              }
              if (name.endsWith(".md5")) {
                String file = name.substring(0, name.length() - 4);
                return Answer.ok("MD5(" + file + ")= " + md5.get(file) + "\n");
              }
              return Answer.ok(files.get(name));
            })) {
      RecordingSinks sinks = new RecordingSinks();
      UpdateFilesResult result = poll(server.baseUrl(), sinks);

      assertThat(result)
          .isEqualTo(new UpdateFilesResult(List.of(), 0, 0, 0, "pubmed26n0001.xml.gz", 1));
      assertThat(sinks.records).isEmpty();
      assertThat(sinks.deadLetters)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.stage()).isEqualTo(PubmedDeadLetters.UPDATE_FILE);
                assertThat(d.reason()).isEqualTo("md5-mismatch");
                assertThat(d.source()).endsWith("/pubmed/updatefiles/pubmed26n0001.xml.gz");
                assertThat(d.message())
                    .contains("pubmed26n0001.xml.gz", "tries it again next poll");
              });
      assertThat(new FileCursorStore(dir.resolve("pubmed-cursor.json")).load()).isEmpty();

      // NLM replaces the file: the next poll applies both, in order
      md5.put("pubmed26n0001.xml.gz", HttpFetcher.md5Hex(first));
      RecordingSinks next = new RecordingSinks();
      assertThat(poll(server.baseUrl(), next).applied())
          .containsExactly("pubmed26n0001.xml.gz", "pubmed26n0002.xml.gz");
      assertThat(next.pmids()).containsExactly("1", "2");
    }
  }

  @Test
  void shouldDeadLetterAFileThatIsNotGzip() {
    byte[] notGzip =
        ScriptedServer.articleSet(List.of("1"), "PMC1").getBytes(StandardCharsets.UTF_8);
    try (ScriptedServer server =
        new ScriptedServer(
            r -> {
              String path = r.path();
              if (path.endsWith("/")) {
                return Answer.ok("<a href=\"pubmed26n0001.xml.gz\">pubmed26n0001.xml.gz</a>");
              }
              return path.endsWith(".md5")
                  ? Answer.ok("MD5(pubmed26n0001.xml.gz)= " + HttpFetcher.md5Hex(notGzip))
                  : Answer.ok(notGzip);
            })) {
      RecordingSinks sinks = new RecordingSinks();
      UpdateFilesResult result = poll(server.baseUrl(), sinks);

      assertThat(result.blockedAt()).isEqualTo("pubmed26n0001.xml.gz");
      assertThat(sinks.deadLetters)
          .singleElement()
          .satisfies(d -> assertThat(d.reason()).isEqualTo(PubmedDeadLetters.BAD_GZIP));
    }
  }

  @Test
  void shouldStreamALargeFileWithFewCitationsInFlightInOrderAndTheDeletionsLast()
      throws IOException {
    // built: ~110 MB of XML, the real citation of biopython-pubmed4 with 2,500 distinct PMIDs
    int count = 2_500;
    Path gz = dir.resolve("built.xml.gz");
    BuiltUpdateFile.write(gz, count);
    byte[] file = Files.readAllBytes(gz);
    Files.delete(gz);
    List<String> delivered = new CopyOnWriteArrayList<>();
    List<String> deleted = new CopyOnWriteArrayList<>();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicInteger recordsWhenDeleting = new AtomicInteger(-1);
    PubmedSinks sinks =
        new PubmedSinks(
            r ->
                Mono.defer(
                    () -> {
                      // sent in order, acknowledged later on another thread, as by a broker
                      delivered.add(r.pmid());
                      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                      return Mono.delay(Duration.ofMillis(1))
                          .then(
                              Mono.fromRunnable(
                                  () -> {
                                    acknowledged.incrementAndGet();
                                    inFlight.decrementAndGet();
                                  }));
                    }),
            pmid ->
                Mono.fromRunnable(
                    () -> {
                      recordsWhenDeleting.compareAndSet(-1, acknowledged.get());
                      deleted.add(pmid);
                    }),
            d -> Mono.error(new AssertionError("dead letter: " + d)));
    try (ScriptedServer server = serve(Map.of("pubmed26n0001.xml.gz", file))) {
      UpdateFilesResult result = poll(server.baseUrl(), sinks, PubmedXmlParser.DEFAULT_MAX_BYTES);

      int inPmc = (int) IntStream.range(0, count).filter(BuiltUpdateFile::inPmc).count();
      assertThat(result)
          .isEqualTo(
              new UpdateFilesResult(
                  List.of("pubmed26n0001.xml.gz"), inPmc, 2, count - inPmc, null, 0));
      assertThat(delivered)
          .containsExactlyElementsOf(
              IntStream.range(0, count)
                  .filter(BuiltUpdateFile::inPmc)
                  .mapToObj(BuiltUpdateFile::pmid)
                  .toList());
      assertThat(deleted).containsExactly(BuiltUpdateFile.DELETED_1, BuiltUpdateFile.DELETED_2);
      assertThat(recordsWhenDeleting).hasValue(inPmc);
      assertThat(mostInFlight.get()).isBetween(2, 64);
      assertThat(cursorAt()).isEqualTo("pubmed26n0001.xml.gz");
    }
  }

  @Test
  void shouldDeadLetterAFileCutShortInTheMiddleAsBadGzipAndNotMoveTheCursor() {
    byte[] whole =
        gzip(
            ScriptedServer.articleSet(
                IntStream.range(1, 2_001).mapToObj(String::valueOf).toList(), "PMC1"));
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    try (ScriptedServer server = serve(Map.of("pubmed26n0001.xml.gz", cut))) {
      RecordingSinks sinks = new RecordingSinks();
      UpdateFilesResult result = poll(server.baseUrl(), sinks);

      // some citations before the cut may have been delivered (idempotent upserts); none counted
      assertThat(result)
          .isEqualTo(new UpdateFilesResult(List.of(), 0, 0, 0, "pubmed26n0001.xml.gz", 0));
      assertThat(sinks.records.size()).isLessThan(2_000);
      assertThat(sinks.deletions).isEmpty();
      assertThat(sinks.deadLetters)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.reason()).isEqualTo(PubmedDeadLetters.BAD_GZIP);
                assertThat(d.message()).contains("pubmed26n0001.xml.gz", "not a whole gzip");
              });
      assertThat(new FileCursorStore(dir.resolve("pubmed-cursor.json")).load()).isEmpty();
    }
  }

  @Test
  void shouldDeadLetterAFileThatGunzipsPastTheLimitAsTooLarge() {
    byte[] file =
        gzip(
            ScriptedServer.articleSet(
                IntStream.range(1, 201).mapToObj(String::valueOf).toList(), "PMC1"));
    try (ScriptedServer server = serve(Map.of("pubmed26n0001.xml.gz", file))) {
      RecordingSinks sinks = new RecordingSinks();
      UpdateFilesResult result = poll(server.baseUrl(), sinks.sinks(), 10_000);

      assertThat(result.blockedAt()).isEqualTo("pubmed26n0001.xml.gz");
      assertThat(result.applied()).isEmpty();
      assertThat(sinks.deadLetters)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.reason()).isEqualTo("too-large");
                assertThat(d.message()).contains("more than the limit of 10000 bytes");
              });
      assertThat(new FileCursorStore(dir.resolve("pubmed-cursor.json")).load()).isEmpty();
    }
    assertThat(dir.resolve("work/pubmed26n0001.xml.gz.part")).doesNotExist();
  }

  private String cursorAt() {
    return new FileCursorStore(dir.resolve("pubmed-cursor.json")).load().orElseThrow().inventory();
  }

  /** Lists the files and serves them with their md5 files. */
  private static ScriptedServer serve(Map<String, byte[]> files) {
    return new ScriptedServer(
        r -> {
          String name = r.path().substring("/pubmed/updatefiles/".length());
          if (name.isEmpty()) {
            StringBuilder listing = new StringBuilder("<pre>");
            files.keySet().stream()
                .sorted()
                .forEach(f -> listing.append("<a href=\"" + f + "\">" + f + "</a>\n"));
            return Answer.ok(listing.append("</pre>").toString());
          }
          if (name.endsWith(".md5")) {
            String file = name.substring(0, name.length() - 4);
            return Answer.ok("MD5(" + file + ")= " + HttpFetcher.md5Hex(files.get(file)) + "\n");
          }
          return Answer.ok(files.get(name));
        });
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
