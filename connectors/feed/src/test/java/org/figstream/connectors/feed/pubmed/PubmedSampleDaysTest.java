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
 * The offline sample's PubMed days (samples/pubmed, built, see its README): PMID 31274109 (sample
 * article 4) comes from efetch without MeSH on day 1, and with MeSH from day 2's update file.
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
  void shouldGiveSampleArticleFourItsRealPmid() throws Exception {
    try (BucketEmulator emulator = BucketEmulator.start(BUCKET, 1, Faults.none())) {
      try (HttpFetcher http =
          new HttpFetcher(HttpSettings.defaults(Set.of("127.0.0.1")), new SimpleMeterRegistry())) {
        byte[] json =
            http.get(emulator.baseUrl() + "/metadata/PMC99000004.1.json", 1 << 20, null)
                .block(Duration.ofSeconds(10));
        assertThat(new ObjectMapper().readTree(json).get("pmid").asText()).isEqualTo("31274109");
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
      RecordingSinks day1 = efetch(emulator, List.of("31274109"));

      PubmedRecord fresh = day1.records.get(0);
      assertThat(fresh.pmid()).isEqualTo("31274109");
      assertThat(fresh.status()).isEqualTo("In-Data-Review");
      assertThat(fresh.pmcid()).isEqualTo("PMC6682400");
      assertThat(fresh.meshHeadings()).isEmpty();
      assertThat(fresh.dateCompleted()).isNull();
      assertThat(fresh.title()).startsWith("Taar1 gene variants have a causal role");
      assertThat(fresh.keywords()).hasSize(7);
      assertThat(fresh.references()).hasSize(72);
      assertThat(fresh.references()).filteredOn(r -> r.pmid() != null).hasSize(65);
      assertThat(fresh.references()).filteredOn(r -> r.doi() != null).hasSize(66);

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
          day2.records.stream().filter(r -> r.pmid().equals("31274109")).findFirst().orElseThrow();
      assertThat(indexed.status()).isEqualTo("MEDLINE");
      assertThat(indexed.dateCompleted()).isEqualTo(LocalDate.of(2026, 11, 20));
      // built for the demonstration, not NLM's indexing (samples/pubmed/README.md)
      assertThat(indexed.meshHeadings()).hasSize(4);
      assertThat(indexed.meshHeadings())
          .extracting(MeshHeading::descriptorName, MeshHeading::descriptorUi)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Alleles", "D000483"),
              org.assertj.core.groups.Tuple.tuple("Female", "D005260"),
              org.assertj.core.groups.Tuple.tuple("Male", "D008297"),
              org.assertj.core.groups.Tuple.tuple("Polymorphism, Single Nucleotide", "D020641"));

      // efetch answers the newest state too, and no longer knows the deleted citation
      RecordingSinks later = efetch(emulator, List.of("31274109", "29963580"));
      assertThat(later.records)
          .singleElement()
          .satisfies(r -> assertThat(r.meshHeadings()).hasSize(4));
      assertThat(later.deadLetters)
          .singleElement()
          .satisfies(d -> assertThat(d.reason()).isEqualTo(PubmedDeadLetters.UNRESOLVED));
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
              http.get(base + "&id=31274109,1", 1 << 20, null).block(Duration.ofSeconds(10)),
              StandardCharsets.UTF_8);
      assertThat(new PubmedXmlParser().parse(found.getBytes(StandardCharsets.UTF_8)).records())
          .extracting(PubmedRecord::pmid)
          .containsExactly("31274109");
      String none =
          new String(
              http.get(base, 1 << 20, null).block(Duration.ofSeconds(10)), StandardCharsets.UTF_8);
      assertThat(none).contains("<ERROR>Empty id list - nothing todo</ERROR>");
    }
  }
}
