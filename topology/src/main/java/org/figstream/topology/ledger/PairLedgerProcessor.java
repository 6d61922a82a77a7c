package org.figstream.topology.ledger;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.figstream.topology.StoreNames;

/** Publishes enriched versions on the figures topic as upserts and tombstones, keyed by pair id. */
public final class PairLedgerProcessor implements Processor<String, EnrichedArticle, String, PublishedFigure> {
  private ProcessorContext<String, PublishedFigure> context;
  private KeyValueStore<String, LedgerEntry> store;

  @Override
  public void init(ProcessorContext<String, PublishedFigure> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.PAIR_LEDGER);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle e = record.value();
    if (e == null) {
      return;
    }
    LedgerRule.Outcome outcome = LedgerRule.apply(store.get(e.pmcid()), e);
    if (outcome.stale()) {
      return;
    }
    for (String pairId : outcome.tombstones()) {
      context.forward(new Record<String, PublishedFigure>(pairId, null, record.timestamp()));
    }
    for (PublishedFigure f : outcome.upserts()) {
      context.forward(new Record<>(f.pairId(), f, record.timestamp()));
    }
    store.put(e.pmcid(), outcome.next());
  }
}
