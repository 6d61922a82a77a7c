package org.figstream.connectors.feed.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.bucket.InventoryManifest;
import org.figstream.connectors.feed.bucket.InventoryRow;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.client.HttpClient;

/** The sample bucket and its emulator, read with a plain Reactor Netty client over loopback. */
class BucketEmulatorTest {
  @TempDir Path dir;

  private static final SampleBucket BUCKET = SampleBucket.load(SampleArticles.root());
  private static final HttpClient CLIENT =
      HttpClient.create().responseTimeout(Duration.ofSeconds(5));

  private static Response get(BucketEmulator emulator, String path) {
    return CLIENT
        .get()
        .uri(emulator.baseUrl() + path)
        .responseSingle(
            (res, body) ->
                body.asByteArray()
                    .defaultIfEmpty(new byte[0])
                    .map(b -> new Response(res.status().code(), b)))
        .block();
  }

  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldListEveryMetadataKeyOfEachDay() {
    assertThat(BUCKET.metadataKeys(1))
        .containsExactly(
            "metadata/PMC99000001.1.json",
            "metadata/PMC99000002.1.json",
            "metadata/PMC99000003.1.json",
            "metadata/PMC99000004.1.json",
            "metadata/PMC99000005.1.json",
            "metadata/PMC99000006.1.json",
            "metadata/PMC99000007.1.json",
            "metadata/PMC99000008.1.json",
            "metadata/PMC99000010.1.json");
    assertThat(BUCKET.metadataKeys(2))
        .containsExactly(
            "metadata/PMC99000001.1.json",
            "metadata/PMC99000002.1.json",
            "metadata/PMC99000002.2.json",
            "metadata/PMC99000003.1.json",
            "metadata/PMC99000005.1.json",
            "metadata/PMC99000006.1.json",
            "metadata/PMC99000007.1.json",
            "metadata/PMC99000008.1.json",
            "metadata/PMC99000009.1.json",
            "metadata/PMC99000010.1.json");
  }

  @Test
  void shouldServeTheSampleFilesByteForByte() throws Exception {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none())) {
      byte[] onDisk =
          Files.readAllBytes(SampleArticles.root().resolve("elife-19405/elife-19405-fig1.tif"));
      Response image = get(emulator, "/PMC99000001.1/elife-19405-fig1.tif");
      Response xml = get(emulator, "/PMC99000001.1/PMC99000001.1.xml");
      Response metadata = get(emulator, "/metadata/PMC99000001.1.json");

      assertThat(image.status()).isEqualTo(200);
      assertThat(image.body()).isEqualTo(onDisk);
      assertThat(xml.body())
          .isEqualTo(
              Files.readAllBytes(SampleArticles.root().resolve("elife-19405/elife-19405.xml")));
      assertThat(metadata.text())
          .contains(
              "\"media_urls\"",
              "s3://pmc-oa-opendata/PMC99000001.1/elife-19405-fig1.tif?md5="
                  + HttpFetcher.md5Hex(onDisk));
    }
  }

  @Test
  void shouldListInventoryDaysAndRemoveAVanishedVersion() {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none())) {
      String listing =
          "/?list-type=2&delimiter=/&prefix=inventory-reports/pmc-oa-opendata/metadata/";
      assertThat(get(emulator, listing).text())
          .contains(
              "<Prefix>inventory-reports/pmc-oa-opendata/metadata/2026-11-20T01-00Z/</Prefix>")
          .doesNotContain("2026-11-21T01-00Z");
      assertThat(get(emulator, "/PMC99000004.1/PMC99000004.1.xml").status()).isEqualTo(200);

      emulator.publishNextDay();

      assertThat(get(emulator, listing).text())
          .contains("2026-11-20T01-00Z/", "2026-11-21T01-00Z/");
      Response gone = get(emulator, "/PMC99000004.1/PMC99000004.1.xml");
      assertThat(gone.status()).isEqualTo(404);
      assertThat(gone.text()).contains("<Code>NoSuchKey</Code>");
    }
  }

  @Test
  void shouldReviseArticleTwoWithOneFigureLess() {
    JatsExtractor extractor = new JatsExtractor();
    byte[] v1 = SampleArticles.article(BUCKET.folder(2)).xml();
    byte[] v2 = BUCKET.objects(2).get("PMC99000002.2/PMC99000002.2.xml").bytes();
    String v1Text = new String(v1, StandardCharsets.UTF_8);

    int figsV1 = extractor.extract(v1, List.of()).get(0).figures().size();
    int figsV2 = extractor.extract(v2, List.of()).get(0).figures().size();

    assertThat(v1.length - v2.length).isPositive();
    assertThat(figsV2).isEqualTo(figsV1 - 1);
    // the figure cut out is the last <fig> of the file, not a figure supplement inside a fig-group
    String lastFigId = v1Text.substring(v1Text.lastIndexOf("<fig id=\"") + 9).split("\"")[0];
    assertThat(new String(v2, StandardCharsets.UTF_8))
        .doesNotContain("<fig id=\"" + lastFigId + "\"");
  }

  @Test
  void shouldGiveUpEachFaultAfterItsMaximumPerPath() {
    for (Faults.Kind kind : Faults.Kind.values()) {
      try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.only(kind, 1.0, 2))) {
        String path = "/metadata/PMC99000001.1.json";
        byte[] good = BUCKET.objects(1).get("metadata/PMC99000001.1.json").bytes();
        Response third = null;
        for (int attempt = 0; attempt < 3; attempt++) {
          try {
            third = get(emulator, path);
          } catch (RuntimeException closed) {
            third = null; // RESET and TRUNCATED close the connection
          }
        }
        assertThat(emulator.faultsInjected()).as(kind.name()).containsEntry(kind, 2L);
        assertThat(third).as(kind.name()).isNotNull();
        assertThat(third.body()).as(kind.name()).isEqualTo(good);
      }
    }
  }

  @Test
  void shouldAnswerEsearchWithTheDaysReleases() {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 2, Faults.none())) {
      String answer =
          get(emulator, "/entrez/eutils/esearch.fcgi?db=pmc&term=2026%2F11%2F20%5Bpmcrdat%5D")
              .text();

      assertThat(answer)
          .contains(
              "<Count>3</Count>",
              "<IdList><Id>99000002</Id><Id>99000003</Id><Id>99000009</Id></IdList>");
    }
  }

  @Test
  void shouldFaultListingsTooButNeverChangeTheirBytes() {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.all(1.0, 5))) {
      String listing = "/?list-type=2&prefix=metadata%2F";
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          get(emulator, listing);
        } catch (RuntimeException closed) {
          // RESET and TRUNCATED close the connection
        }
      }
      // each path fails at most twice; a changed byte would go unnoticed in a listing
      assertThat(emulator.faultsInjected().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(2);
      assertThat(emulator.faultsInjected()).doesNotContainKey(Faults.Kind.WRONG_BODY);
      assertThat(get(emulator, listing).text()).contains("<Key>metadata/PMC99000001.1.json</Key>");
    }
  }

  @Test
  void shouldListSomeKeysTwiceInAnInventoryThatStillChecksOut() throws Exception {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none());
        HttpFetcher http =
            new HttpFetcher(
                HttpSettings.defaults(Set.of("127.0.0.1")),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
      emulator.listKeysTwice(true);
      BucketClient client = new BucketClient(new BucketLayout(emulator.baseUrl()), http);
      String day = SampleBucket.DAYS.get(0);
      // checked against manifest.checksum, and each part against the manifest's MD5
      InventoryManifest manifest = client.manifest(day).block();
      List<String> keys = new ArrayList<>();
      for (InventoryManifest.Part part : manifest.files()) {
        Path file = client.downloadPart(part, dir).block();
        BucketClient.rows(file, manifest.fileSchema(), 0)
            .map(InventoryRow::key)
            .toStream()
            .forEach(keys::add);
      }

      // 9 keys in parts of 5 and 4: rows 0 and 3 of each part twice, and the first row again last
      assertThat(keys).hasSize(9 + 2 + 2 + 1);
      assertThat(new TreeSet<>(keys)).containsExactlyElementsOf(BUCKET.metadataKeys(1));
      assertThat(keys.get(keys.size() - 1)).isEqualTo(keys.get(0)).isEqualTo(keys.get(1));
    }
  }

  @Test
  void shouldStartAnOutageWithTheFirstRequestUnderAPrefix() {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none())) {
      emulator.outageFrom("metadata/PMC99000002");

      assertThat(get(emulator, "/metadata/PMC99000001.1.json").status()).isEqualTo(200);
      assertThat(get(emulator, "/metadata/PMC99000002.1.json").status()).isEqualTo(503);
      assertThat(get(emulator, "/metadata/PMC99000001.1.json").status()).isEqualTo(503);
      emulator.outage(false);
      assertThat(get(emulator, "/metadata/PMC99000002.1.json").status()).isEqualTo(200);
      assertThat(emulator.outageAnswers()).isEqualTo(2);
    }
  }
}
