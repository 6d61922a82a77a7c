package org.figstream.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.figstream.processors.api.StageTimes;
import org.figstream.records.Announcement;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.Topics;
import org.figstream.state.StateStores;
import org.figstream.topology.dedup.DedupProcessor;
import org.figstream.topology.dedup.DedupSettings;
import org.figstream.topology.gate.VersionGateProcessor;
import org.figstream.topology.ledger.PairLedgerProcessor;
import org.figstream.topology.schema.TopicSerdes;

/**
 * The Kafka Streams side of the pipeline, apart from any main: announcements pass the version gate;
 * versions to enrich leave for the (non-blocking, Reactor) enrichment stage; its results and the
 * gate's withdrawals pass the dedup index (exact and near duplicate images) and meet in the pair
 * ledger, which writes upserts and tombstones to {@code figures}.
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
    Serde<String> keys = Serdes.String();
    Serde<Announcement> announcements = TopicSerdes.announcements();
    Serde<EnrichedArticle> enriched = TopicSerdes.enriched();
    Topology t = new Topology();
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
    t.addSink(
        VersionGateProcessor.TO_LEDGER,
        Topics.ENRICHED,
        keys.serializer(),
        enriched.serializer(),
        "gate");

    t.addSource("enriched", keys.deserializer(), enriched.deserializer(), Topics.ENRICHED);
    t.addProcessor("dedup", () -> new DedupProcessor(dedup, times), "enriched");
    t.addStateStore(StateStores.dedupExact(), "dedup");
    t.addStateStore(StateStores.dedupNear(), "dedup");
    t.addProcessor("ledger", () -> new PairLedgerProcessor(times), "dedup");
    t.addStateStore(StateStores.pairLedger(), "ledger");
    t.addSink(
        PairLedgerProcessor.TO_FIGURES,
        Topics.FIGURES,
        keys.serializer(),
        TopicSerdes.figures().serializer(),
        "ledger");
    // only null values reach it: a withdrawn article leaves the articles table too
    t.addSink(
        PairLedgerProcessor.TO_ARTICLES,
        Topics.ARTICLES,
        keys.serializer(),
        TopicSerdes.articles().serializer(),
        "ledger");
    return t;
  }
}
