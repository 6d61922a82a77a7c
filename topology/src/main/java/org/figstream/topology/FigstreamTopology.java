package org.figstream.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.figstream.processors.api.StageTimes;
import org.figstream.records.Announcement;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.Topics;
import org.figstream.state.StateStores;
import org.figstream.topology.dedup.DedupProcessor;
import org.figstream.topology.dedup.DedupSettings;
import org.figstream.topology.gate.VersionGateProcessor;
import org.figstream.topology.join.JoinCounts;
import org.figstream.topology.join.PubmedJoin;
import org.figstream.topology.ledger.PairLedgerProcessor;
import org.figstream.topology.schema.TopicSerdes;

/**
 * The Kafka Streams side of the pipeline, apart from any main: announcements pass the version gate;
 * versions to enrich and withdrawals leave for the (non-blocking, Reactor) enrichment stage, which
 * keeps each article's requests in order; its results pass the dedup index (exact and near
 * duplicate images) and meet in the pair ledger, which writes upserts and tombstones to {@code
 * figures}. Articles as extracted (the stage's, and the ledger's tombstones) are joined with their
 * PubMed citations and go to {@code articles} ({@link PubmedJoin}).
 *
 * <p>The gate, dedup and ledger are Processor-API nodes, the join is the DSL's, in one topology.
 * The Processor-API nodes are added first: Kafka Streams numbers sub-topologies in the order their
 * nodes were added, and the task directories of the stores on disk (version gate in 0_n, dedup and
 * ledger in 1_n) are named after those numbers.
 */
public final class FigstreamTopology {
  private FigstreamTopology() {}

  public static Topology buildTopology() {
    return buildTopology(DedupSettings.DEFAULTS);
  }

  public static Topology buildTopology(DedupSettings dedup) {
    return buildTopology(dedup, StageTimes.NONE);
  }

  /**
   * With the time of each dedup and ledger {@code process} call recorded on {@code times} (the
   * app's registry, {@link StageTimes#on}).
   */
  public static Topology buildTopology(DedupSettings dedup, StageTimes times) {
    return buildTopology(dedup, times, JoinCounts.NONE);
  }

  /** With what the PubMed join puts on {@code articles} counted on {@code counts}. */
  public static Topology buildTopology(DedupSettings dedup, StageTimes times, JoinCounts counts) {
    OpenStreamsBuilder builder = new OpenStreamsBuilder();
    addProcessorNodes(builder.topology(), dedup, times);
    PubmedJoin.addTo(builder, counts);
    return builder.build();
  }

  private static void addProcessorNodes(Topology t, DedupSettings dedup, StageTimes times) {
    Serde<String> keys = Serdes.String();
    Serde<Announcement> announcements = TopicSerdes.announcements();
    Serde<EnrichedArticle> enriched = TopicSerdes.enriched();
    t.addSource(
        "versions", keys.deserializer(), announcements.deserializer(), Topics.ARTICLE_VERSIONS);
    t.addProcessor("gate", VersionGateProcessor::new, "versions");
    t.addStateStore(StateStores.versionGate(), "gate");
    t.addSink(
        VersionGateProcessor.TO_ENRICH,
        Topics.ENRICH_REQUESTS,
        keys.serializer(),
        announcements.serializer(),
        "gate");

    t.addSource("enriched", keys.deserializer(), enriched.deserializer(), Topics.ENRICHED);
    t.addProcessor("dedup", () -> new DedupProcessor(dedup, times), "enriched");
    t.addStateStore(StateStores.dedupExact(), "dedup");
    t.addStateStore(StateStores.dedupNear(), "dedup");
    t.addProcessor("ledger", () -> new PairLedgerProcessor(times), "dedup");
    // dedup reads the ledger too: it names a canonical pair only while that pair is on figures
    t.addStateStore(StateStores.pairLedger(), "ledger", "dedup");
    t.addSink(
        PairLedgerProcessor.TO_FIGURES,
        Topics.FIGURES,
        keys.serializer(),
        TopicSerdes.figures().serializer(),
        "ledger");
    // only null values reach it: a withdrawn article leaves the articles table too (through
    // the PubMed join, which carries the tombstone and its reason header to articles)
    t.addSink(
        PairLedgerProcessor.TO_ARTICLES,
        Topics.EXTRACTED_ARTICLES,
        keys.serializer(),
        TopicSerdes.articles().serializer(),
        "ledger");
  }

  /**
   * A StreamsBuilder whose topology takes Processor-API nodes before {@link #build()} adds the
   * DSL's ({@code topology} is the builder's own, protected for this).
   */
  private static final class OpenStreamsBuilder extends StreamsBuilder {
    Topology topology() {
      return topology;
    }
  }
}
