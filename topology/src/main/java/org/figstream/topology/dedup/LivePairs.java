package org.figstream.topology.dedup;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;
import org.figstream.records.EnrichedArticle;
import org.figstream.records.PublishedFigure;
import org.figstream.state.LedgerEntry;

/**
 * Whether a pair the dedup stores name is still on {@code figures}, so that it may be named as a
 * canonical pair: the index keeps a pair after its article is withdrawn or a newer version drops
 * it, and only the pair ledger knows. The ledger is read in the dedup task itself (same
 * sub-topology, same partition as every pair in its index, since both are keyed by PMCID).
 *
 * <p>Dedup runs before the ledger writes the entry of the article in process, so that article's
 * pairs are judged by the version in process instead: its pairs are live, and the pairs of its
 * earlier versions that it no longer has are about to be tombstoned. A stale version (older than
 * the ledger's, which the ledger ignores) is judged by the ledger like any other article.
 */
final class LivePairs {
  private final KeyValueStore<String, LedgerEntry> ledger;
  private String pmcid;

  /** The pair ids of the version in process; null when it is stale. */
  private Set<String> own;

  LivePairs(KeyValueStore<String, LedgerEntry> ledger) {
    this.ledger = ledger;
  }

  /** Judges from now on with {@code e} as the version in process. */
  void processing(EnrichedArticle e) {
    pmcid = e.pmcid();
    LedgerEntry seen = ledger.get(pmcid);
    if (seen != null && e.version() < seen.version()) {
      own = null;
      return;
    }
    own = new HashSet<>();
    for (PublishedFigure f : e.figures()) {
      own.add(f.pairId());
    }
  }

  /**
   * Whether {@code pair} is on {@code figures}, or about to be put there by the version in process.
   * A pair whose article has no ledger entry at all counts as live: an entry, once written, is
   * never deleted (a withdrawal keeps one, withdrawn), so none means the pair's key is not the
   * PMCID the ledger is keyed by, and nothing can be told about it.
   */
  boolean live(String pair) {
    String article = articleOf(pair);
    if (own != null && article.equals(pmcid)) {
      return own.contains(pair);
    }
    LedgerEntry entry = ledger.get(article);
    return entry == null || (!entry.withdrawn() && entry.pairIds().contains(pair));
  }

  /**
   * The ledger key of {@code pair}: its article key, the part before the first slash (pair ids are
   * {@code <articleKey>/<figureId>/<graphicIndex>}; a PMCID has no slash, a figure id might).
   */
  static String articleOf(String pair) {
    int slash = pair.indexOf('/');
    return slash < 0 ? pair : pair.substring(0, slash);
  }
}
