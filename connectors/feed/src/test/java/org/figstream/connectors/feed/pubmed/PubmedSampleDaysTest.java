package org.figstream.connectors.feed.pubmed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.figstream.connectors.feed.discovery.FileCursorStore;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;
import org.figstream.connectors.feed.sample.Faults;
import org.figstream.connectors.feed.sample.SampleBucket;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.records.PubmedRecord;
import org.figstream.records.PubmedRecord.MeshHeading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline sample's PubMed days (samples/pubmed, built, see its README): PMID 99000005 (sample
 * article 5, elife-46793-v1) comes from efetch without MeSH on day 1, and with MeSH from day 2's
 * update file.
 */
class PubmedSampleDaysTest {
  private static final SampleBucket BUCKET = SampleBucket.load(SampleArticles.root());

  @TempDir Path dir;

  private static PubmedSettings settings(BucketEmulator emulator) {
    return PubmedSettings.defaults()
        .at(emulator.baseUrl() + "/entrez/eutils", emulator.baseUrl() + "/pubmed/updatefiles/");
  }

  private static RecordingSinks efetch(BucketEmulator emulator, List<String> pmids) {
    RecordingSinks sinks = new RecordingSinks();
    try (HttpFetcher http =
        new HttpFetcher(HttpSettings.defaults(Set.of("127.0.0.1")), new SimpleMeterRegistry())) {
      new EfetchLookup(settings(emulator), http, new PubmedXmlParser())
          .lookup(pmids, sinks.sinks())
          .block(Duration.ofSeconds(30));
    }
    return sinks;
  }

  @Test
  void shouldGiveSampleArticleFiveItsSyntheticPmid() throws Exception {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none())) {
      try (HttpFetcher http =
          new HttpFetcher(HttpSettings.defaults(Set.of("127.0.0.1")), new SimpleMeterRegistry())) {
        byte[] json =
            http.get(emulator.baseUrl() + "/metadata/PMC99000005.1.json", 1 << 20, null)
                .block(Duration.ofSeconds(10));
        assertThat(new ObjectMapper().readTree(json).get("pmid").asText()).isEqualTo("99000005");
        byte[] other =
            http.get(emulator.baseUrl() + "/metadata/PMC99000001.1.json", 1 << 20, null)
                .block(Duration.ofSeconds(10));
        assertThat(new ObjectMapper().readTree(other).get("pmid").isNull()).isTrue();
      }
    }
  }

  @Test
  void shouldServeTheCitationWithoutMeshOnDayOneAndWithMeshFromTheUpdateFileOnDayTwo() {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none())) {
      RecordingSinks day1 = efetch(emulator, List.of("99000005"));

      PubmedRecord fresh = day1.records.get(0);
      assertThat(fresh.pmid()).isEqualTo("99000005");
      assertThat(fresh.status()).isEqualTo("In-Data-Review");
      assertThat(fresh.pmcid()).isEqualTo("PMC99000005");
      assertThat(fresh.meshHeadings()).isEmpty();
      assertThat(fresh.dateCompleted()).isNull();
      assertThat(fresh.title()).startsWith("Genetic interactions of G-quadruplexes in humans");
      assertThat(fresh.keywords()).hasSize(7);
      assertThat(fresh.references()).hasSize(137);
      assertThat(fresh.references()).filteredOn(r -> r.pmid() != null).hasSize(118);
      assertThat(fresh.references()).filteredOn(r -> r.doi() != null).hasSize(133);

      emulator.publishNextDay();
      RecordingSinks day2 = new RecordingSinks();
      try (HttpFetcher http =
          new HttpFetcher(HttpSettings.defaults(Set.of("127.0.0.1")), new SimpleMeterRegistry())) {
        new UpdateFileFollower(
                settings(emulator),
                http,
                new PubmedXmlParser(),
                new FileCursorStore(dir.resolve("cursor.json")),
                dir.resolve("work"))
            .poll(day2.sinks())
            .block(Duration.ofSeconds(30));
      }
      PubmedRecord indexed =
          day2.records.stream().filter(r -> r.pmid().equals("99000005")).findFirst().orElseThrow();
      assertThat(indexed.status()).isEqualTo("MEDLINE");
      assertThat(indexed.dateCompleted()).isEqualTo(LocalDate.of(2026, 11, 20));
      // built for the demonstration, not NLM's indexing (samples/pubmed/README.md)
      assertThat(indexed.meshHeadings()).hasSize(1);
      assertThat(indexed.meshHeadings())
          .extracting(MeshHeading::descriptorName, MeshHeading::descriptorUi)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("Humans", "D006801"));

      // efetch answers a day behind the update files (PubmedSample): on day 2 the state of day 1,
      // without the MeSH and with the citation day 2 deletes
      RecordingSinks later = efetch(emulator, List.of("99000005", "29963580"));
      assertThat(later.records)
          .extracting(PubmedRecord::pmid, r -> r.meshHeadings().size())
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("99000005", 0),
              org.assertj.core.groups.Tuple.tuple("29963580", 0));
      assertThat(later.deadLetters).isEmpty();
    }
  }

  @Test
  void shouldAnswerEfetchByGetAndAnErrorWithoutIds() {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none());
        HttpFetcher http =
            new HttpFetcher(
                HttpSettings.defaults(Set.of("127.0.0.1")), new SimpleMeterRegistry())) {
      String base = emulator.baseUrl() + "/entrez/eutils/efetch.fcgi?db=pubmed";
      String found =
          new String(
              http.get(base + "&id=99000005,1", 1 << 20, null).block(Duration.ofSeconds(10)),
              StandardCharsets.UTF_8);
      assertThat(new PubmedXmlParser().parse(found.getBytes(StandardCharsets.UTF_8)).records())
          .extracting(PubmedRecord::pmid)
          .containsExactly("99000005");
      String none =
          new String(
              http.get(base, 1 << 20, null).block(Duration.ofSeconds(10)), StandardCharsets.UTF_8);
      assertThat(none).contains("<ERROR>Empty id list - nothing todo</ERROR>");
    }
  }
}
