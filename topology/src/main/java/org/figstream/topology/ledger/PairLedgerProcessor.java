package org.figstream.topology.ledger;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.figstream.processors.api.StageTimes;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.Headers;
import org.figstream.records.PublishedFigure;
import org.figstream.state.LedgerEntry;
import org.figstream.state.StoreNames;

/**
 * Publishes enriched versions on the figures topic as upserts and tombstones, keyed by pair id. A
 * tombstone carries the reason in the header {@value Headers#REASON} ({@code superseded} when a
 * newer version dropped the pair, else the withdrawal's {@code retracted} or {@code removed}),
 * because sinks record why a pair left; a withdrawal also tombstones the article on {@code
 * figstream-extracted-articles}, with the same header, which the PubMed join carries to {@code
 * articles}.
 */
public final class PairLedgerProcessor
    implements Processor<String, EnrichedArticle, String, PublishedFigure> {
  public static final String TO_FIGURES = "figures";
  public static final String TO_ARTICLES = "article-tombstones";
  public static final String SUPERSEDED = "superseded";

  private final StageTimes times;
  private ProcessorContext<String, PublishedFigure> context;
  private KeyValueStore<String, LedgerEntry> store;

  public PairLedgerProcessor() {
    this(StageTimes.NONE);
  }

  /**
   * With each {@link #process} call's time recorded as the {@code ledger} stage on {@code times}.
   */
  public PairLedgerProcessor(StageTimes times) {
    this.times = times;
  }

  @Override
  public void init(ProcessorContext<String, PublishedFigure> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.PAIR_LEDGER);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    times.time(StageTimes.LEDGER, () -> handle(record));
  }

  private void handle(Record<String, EnrichedArticle> record) {
    EnrichedArticle e = record.value();
    if (e == null) {
      return;
    }
    LedgerRule.Outcome outcome = LedgerRule.apply(store.get(e.pmcid()), e);
    if (outcome.stale()) {
      return;
    }
    String reason = e.withdrawn() && e.reason() != null ? e.reason() : SUPERSEDED;
    for (String pairId : outcome.tombstones()) {
      context.forward(tombstone(pairId, reason, record.timestamp()), TO_FIGURES);
    }
    for (PublishedFigure f : outcome.upserts()) {
      context.forward(new Record<>(f.pairId(), f, record.timestamp()), TO_FIGURES);
    }
    if (e.withdrawn()) {
      context.forward(tombstone(e.pmcid(), reason, record.timestamp()), TO_ARTICLES);
    }
    store.put(e.pmcid(), outcome.next());
  }

  private static Record<String, PublishedFigure> tombstone(
      String key, String reason, long timestamp) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(Headers.REASON, reason.getBytes(StandardCharsets.UTF_8));
    return new Record<>(key, null, timestamp, headers);
  }
}
