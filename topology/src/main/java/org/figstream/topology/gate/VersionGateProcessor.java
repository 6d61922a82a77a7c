package org.figstream.topology.gate;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.figstream.records.Announcement;
import org.figstream.records.Headers;
import org.figstream.state.GateState;
import org.figstream.state.StoreNames;

/**
 * The version gate: one RocksDB entry per PMCID. Versions worth enriching and withdrawals both go
 * to {@link #TO_ENRICH}, the rest is dropped. A withdrawal is not fetched, but it passes the
 * enrichment stage all the same: the stage keeps each article's requests in order, so a version
 * still being enriched reaches the ledger (and its article the PubMed join) before the withdrawal
 * that follows it, never after. The stage tells a withdrawal by {@link Announcement#withdraws()},
 * which {@link GateRule} never gives {@code ENRICH}.
 */
public final class VersionGateProcessor implements Processor<String, Announcement, String, Object> {
  public static final String TO_ENRICH = "to-enrich";

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
    if (verdict != GateRule.Verdict.DROP) {
      context.forward(record.withKey(a.pmcid()), TO_ENRICH);
    }
    GateState next = GateRule.next(seen, a, verdict);
    if (next != seen) {
      store.put(a.pmcid(), next);
    }
  }
}
