package org.figstream.connectors.feed.discovery;

/**
 * What one pass over the newest inventory did.
 *
 * @param inventory the inventory processed, or null when the bucket has none
 * @param upToDate true when that inventory had already been processed completely
 * @param rows inventory rows read in this pass
 * @param announced versions announced (new, changed or retracted)
 * @param removed removals announced; always 0 for a pass resumed from a cursor whose earlier rows
 *     this index did not stamp (another instance did them, or a crash lost their index writes): it
 *     leaves removals to the next pass over a whole inventory
 * @param unchanged rows whose ETag had not changed
 * @param skipped versions left out (not open access, or first start from now)
 * @param failed metadata objects that could not be read (dead letters; retried with the next
 *     inventory, and not removed meanwhile)
 */
public record FeedRun(
    String inventory,
    boolean upToDate,
    long rows,
    long announced,
    long removed,
    long unchanged,
    long skipped,
    long failed) {}
