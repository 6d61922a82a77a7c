package org.figstream.topology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.figstream.processors.api.StageTimes;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.Headers;
import org.figstream.records.PublishedFigure;
import org.figstream.records.PubmedRecord;
import org.figstream.records.Topics;
import org.figstream.topology.enrich.Withdrawals;
import org.figstream.topology.join.JoinCounts;
import org.figstream.topology.schema.TopicSerdes;

/**
 * The topology in a TopologyTestDriver with real RocksDB stores under a temporary state directory.
 */
final class TopologyFixture implements AutoCloseable {
  final TopologyTestDriver driver;
  final TestInputTopic<String, Announcement> versions;
  final TestInputTopic<String, EnrichedArticle> enriched;
  final TestOutputTopic<String, Announcement> toEnrich;
  final TestOutputTopic<String, PublishedFigure> figures;
  final TestOutputTopic<String, org.figstream.records.Article> articles;

  /** The PubMed join's inputs: articles as extracted (key PMCID), citations (key PMID). */
  final TestInputTopic<String, org.figstream.records.Article> extracted;

  final TestInputTopic<String, PubmedRecord> pubmed;

  /** What the topology itself writes to figstream-extracted-articles: the ledger's tombstones. */
  final TestOutputTopic<String, org.figstream.records.Article> extractedOut;

  TopologyFixture(Path stateDir) {
    this(stateDir, org.figstream.topology.dedup.DedupSettings.DEFAULTS);
  }

  TopologyFixture(Path stateDir, org.figstream.topology.dedup.DedupSettings dedup) {
    this(stateDir, dedup, null);
  }

  /** With the processors timing themselves on {@code times}; null: {@code buildTopology(dedup)}. */
  TopologyFixture(
      Path stateDir, org.figstream.topology.dedup.DedupSettings dedup, StageTimes times) {
    this(stateDir, dedup, times, null);
  }

  /** With the PubMed join counting on {@code counts}; null: none. */
  TopologyFixture(Path stateDir, JoinCounts counts) {
    this(stateDir, org.figstream.topology.dedup.DedupSettings.DEFAULTS, StageTimes.NONE, counts);
  }

  TopologyFixture(
      Path stateDir,
      org.figstream.topology.dedup.DedupSettings dedup,
      StageTimes times,
      JoinCounts counts) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "figstream-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        UndecodableToDeadLetter.class);
    driver =
        new TopologyTestDriver(
            counts != null
                ? FigstreamTopology.buildTopology(dedup, times, counts)
                : times == null
                    ? FigstreamTopology.buildTopology(dedup)
                    : FigstreamTopology.buildTopology(dedup, times),
            props);
    versions =
        driver.createInputTopic(
            Topics.ARTICLE_VERSIONS,
            Serdes.String().serializer(),
            TopicSerdes.announcements().serializer());
    enriched =
        driver.createInputTopic(
            Topics.ENRICHED, Serdes.String().serializer(), TopicSerdes.enriched().serializer());
    toEnrich =
        driver.createOutputTopic(
            Topics.ENRICH_REQUESTS,
            Serdes.String().deserializer(),
            TopicSerdes.announcements().deserializer());
    figures =
        driver.createOutputTopic(
            Topics.FIGURES, Serdes.String().deserializer(), TopicSerdes.figures().deserializer());
    articles =
        driver.createOutputTopic(
            Topics.ARTICLES, Serdes.String().deserializer(), TopicSerdes.articles().deserializer());
    extracted =
        driver.createInputTopic(
            Topics.EXTRACTED_ARTICLES,
            Serdes.String().serializer(),
            TopicSerdes.articles().serializer());
    pubmed =
        driver.createInputTopic(
            Topics.PUBMED, Serdes.String().serializer(), TopicSerdes.pubmed().serializer());
    extractedOut =
        driver.createOutputTopic(
            Topics.EXTRACTED_ARTICLES,
            Serdes.String().deserializer(),
            TopicSerdes.articles().deserializer());
  }

  static Announcement version(String pmcid, int version, String etag, boolean retracted) {
    ArticleMetadata m =
        new ArticleMetadata(
            pmcid, version, null, null, null, null, "CC BY", true, false, false, retracted, null,
            null, null, List.of(), Map.of());
    return new Announcement(
        Change.VERSION,
        "metadata/" + pmcid + "." + version + ".json",
        pmcid,
        version,
        etag,
        null,
        "test",
        m);
  }

  static Announcement removal(String pmcid, int version) {
    return new Announcement(
        Change.REMOVAL,
        "metadata/" + pmcid + "." + version + ".json",
        pmcid,
        version,
        null,
        null,
        "test",
        null);
  }

  /**
   * The withdrawals among the requests the gate sent (read off {@code toEnrich}), made into records
   * as the enrichment stage makes them and put on enriched as it does.
   */
  List<EnrichedArticle> passWithdrawals() {
    List<EnrichedArticle> out =
        toEnrich.readValuesToList().stream()
            .filter(Announcement::withdraws)
            .map(a -> Withdrawals.of(a).enriched())
            .toList();
    out.forEach(w -> enriched.pipeInput(w.pmcid(), w));
    return out;
  }

  void announce(Announcement a) {
    versions.pipeInput(a.pmcid(), a);
  }

  /** As {@code figstream dlq --replay} re-announces a dead-lettered version. */
  void replay(Announcement a, String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(Headers.REPLAY, reason.getBytes(StandardCharsets.UTF_8));
    versions.pipeInput(new TestRecord<>(a.pmcid(), a, headers));
  }

  @Override
  public void close() {
    driver.close();
  }
}
