package org.figstream.topology.enrich;

import java.util.List;
import org.figstream.records.Announcement;
import org.figstream.records.Change;
import org.figstream.records.EnrichedArticle;

/**
 * What the stage makes of a withdrawal request (an announcement that {@link
 * Announcement#withdraws()}; the gate sends one only when it decided to withdraw the article): no
 * fetch, no article record, no dead letter, only the withdrawal record the ledger turns into
 * tombstones. It passes the stage at all so that it leaves after the article's earlier requests.
 */
public final class Withdrawals {
  private Withdrawals() {}

  public static Enrichment.Result of(Announcement a) {
    String reason = a.change() == Change.REMOVAL ? "removed" : "retracted";
    return new Enrichment.Result(
        a, EnrichedArticle.withdrawal(a.pmcid(), a.version(), reason), null, List.of());
  }
}
