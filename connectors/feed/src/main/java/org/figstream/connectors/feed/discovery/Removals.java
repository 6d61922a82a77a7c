package org.figstream.connectors.feed.discovery;

import java.util.ArrayList;
import java.util.List;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.records.Announcement;
import org.figstream.records.Change;
import org.figstream.state.FeedIndex;

/**
 * Which versions an inventory no longer lists, and whether a pass may say so: a REMOVAL of an
 * article's latest version withdraws the article downstream, so a key is removed only by a pass
 * whose index holds the stamps of every row before its start ({@link InventoryPass}).
 */
final class Removals {
  private Removals() {}

  /**
   * Whether a pass starting at {@code at} may decide removals: from the first row, or resuming a
   * pass whose rows this index stamped through the cursor ({@link FeedIndex#stampedThrough()}).
   */
  static boolean decidedBy(FeedIndex index, FeedCursor at) {
    if (at.part() == 0 && at.rows() == 0) {
      return true;
    }
    FeedIndex.Position p = index.stampedThrough();
    return p != null
        && p.inventory().equals(at.inventory())
        && (p.part() > at.part() || (p.part() == at.part() && p.rows() >= at.rows()));
  }

  /** The keys the index holds that {@code inventory} did not list. */
  static List<String> notListed(FeedIndex index, String inventory) {
    List<String> gone = new ArrayList<>();
    index.forEachNotListedIn(
        inventory,
        (key, entry) -> {
          // found by esearch and listed by no inventory yet: inventories lag the bucket by up to
          // a day, so the first inventory after a release may not list it. Only once an inventory
          // has listed (and stamped) it can it be removed
          if (!entry.inventory().equals(EsearchDiscovery.ESEARCH_STAMP)) {
            gone.add(key);
          }
        });
    return gone;
  }

  static Announcement announcement(String key, String inventory) {
    return new Announcement(
        Change.REMOVAL,
        key,
        BucketLayout.pmcid(key),
        BucketLayout.version(key),
        null,
        null,
        inventory,
        null);
  }
}
