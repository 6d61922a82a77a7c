package org.figstream.topology.ledger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.PublishedFigure;
import org.figstream.state.LedgerEntry;

/**
 * Turns an enriched version into what the figures topic must receive: an upsert for every pair it
 * has and a tombstone for every pair the article had before and no longer has. Pure, tested without
 * Kafka.
 */
public final class LedgerRule {

  /**
   * What to publish, and the ledger's next entry; {@code stale} when the result is for an old
   * version.
   */
  public record Outcome(
      boolean stale, List<PublishedFigure> upserts, List<String> tombstones, LedgerEntry next) {}

  private LedgerRule() {}

  public static Outcome apply(LedgerEntry seen, EnrichedArticle e) {
    if (seen != null && e.version() < seen.version()) {
      return new Outcome(true, List.of(), List.of(), seen);
    }
    Set<String> now = new LinkedHashSet<>();
    for (PublishedFigure f : e.figures()) {
      now.add(f.pairId());
    }
    List<String> tombstones = new ArrayList<>();
    if (seen != null) {
      for (String id : seen.pairIds()) {
        if (!now.contains(id)) {
          tombstones.add(id);
        }
      }
    }
    List<PublishedFigure> upserts = e.withdrawn() ? List.of() : e.figures();
    LedgerEntry next =
        new LedgerEntry(e.version(), e.withdrawn(), e.withdrawn() ? List.of() : List.copyOf(now));
    return new Outcome(false, upserts, tombstones, next);
  }
}
