package org.figstream.topology.gate;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.figstream.records.Announcement;
import org.figstream.records.Change;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.Headers;
import org.figstream.state.GateState;
import org.figstream.state.StoreNames;

/**
 * The version gate: one RocksDB entry per PMCID. Versions worth enriching go to {@link #TO_ENRICH};
 * withdrawals skip enrichment and go straight to the ledger ({@link #TO_LEDGER}); the rest is
 * dropped.
 */
public final class VersionGateProcessor implements Processor<String, Announcement, String, Object> {
  public static final String TO_ENRICH = "to-enrich";
  public static final String TO_LEDGER = "withdrawals";

  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, GateState> store;

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(StoreNames.VERSION_GATE);
  }

  @Override
  public void process(Record<String, Announcement> record) {
    Announcement a = record.value();
    if (a == null || a.pmcid() == null) {
      return;
    }
    GateState seen = store.get(a.pmcid());
    boolean replay = record.headers().lastHeader(Headers.REPLAY) != null;
    GateRule.Verdict verdict = GateRule.decide(seen, a, replay);
    switch (verdict) {
      case ENRICH -> context.forward(record.withKey(a.pmcid()), TO_ENRICH);
      case WITHDRAW ->
          context.forward(
              record
                  .withKey(a.pmcid())
                  .withValue(
                      EnrichedArticle.withdrawal(
                          a.pmcid(),
                          a.version(),
                          a.change() == Change.REMOVAL ? "removed" : "retracted")),
              TO_LEDGER);
      case DROP -> {}
    }
    GateState next = GateRule.next(seen, a, verdict);
    if (next != seen) {
      store.put(a.pmcid(), next);
    }
  }
}
