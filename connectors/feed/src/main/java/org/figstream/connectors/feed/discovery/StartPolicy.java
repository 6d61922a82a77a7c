package org.figstream.connectors.feed.discovery;

/** What a first start (empty cursor, empty index) does with the bucket's current content. */
public enum StartPolicy {
  /** Record the current inventory as seen and announce only what changes after it. */
  FROM_NOW,
  /** Announce every version of the current inventory (~8 million on the real bucket), streamed. */
  BACKFILL
}
