package org.figstream.connectors.feed.discovery;

import java.time.Instant;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.bucket.InventoryRow;
import org.figstream.connectors.feed.discovery.PreparedRow.Fate;
import org.figstream.connectors.feed.http.FetchFailure;
import org.figstream.records.DeadLetter;
import org.figstream.state.FeedIndex;
import reactor.core.publisher.Mono;

/**
 * Decides each inventory row's fate against the feed index, fetching the metadata of the rows that
 * may be announced: a new or changed version is announced if open access (or manuscripts are kept),
 * an unchanged one is only marked seen, and a quiet pass (a start from now) announces nothing.
 */
final class RowDecisions {
  private final BucketClient bucket;
  private final FeedIndex index;
  private final FeedSettings settings;
  private final boolean quiet;

  RowDecisions(BucketClient bucket, FeedIndex index, FeedSettings settings, boolean quiet) {
    this.bucket = bucket;
    this.index = index;
    this.settings = settings;
    this.quiet = quiet;
  }

  /** Decides a row's fate and fetches its metadata when it must be announced (in parallel). */
  Mono<PreparedRow> prepare(long n, InventoryRow row) {
    if (!BucketLayout.isMetadataKey(row.key())) {
      return Mono.just(new PreparedRow(n, row, Fate.IGNORE, null, null));
    }
    FeedIndex.Entry seen = index.get(row.key());
    if (seen != null && seen.etag().equals(row.etag())) {
      return Mono.just(new PreparedRow(n, row, Fate.UNCHANGED, null, null));
    }
    if (quiet) {
      return Mono.just(new PreparedRow(n, row, Fate.SKIP, null, null));
    }
    return bucket
        .metadata(row.key(), row.etag())
        .map(
            m ->
                new PreparedRow(
                    n,
                    row,
                    m.openAccess() || settings.keepManuscripts() ? Fate.ANNOUNCE : Fate.SKIP,
                    m,
                    null))
        .onErrorResume(
            e -> Mono.just(new PreparedRow(n, row, Fate.FAILED, null, deadLetter(row, e))));
  }

  private DeadLetter deadLetter(InventoryRow row, Throwable e) {
    String reason = e instanceof FetchFailure f ? f.reason() : "bad-metadata";
    int attempts = e instanceof FetchFailure f ? f.attempts() : 1;
    return new DeadLetter(
        "metadata",
        reason,
        e.getMessage(),
        bucket.layout().url(row.key()),
        BucketLayout.pmcid(row.key()),
        attempts,
        Instant.now());
  }
}
