package org.figstream.connectors.feed.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.bucket.InventoryManifest;
import org.figstream.connectors.feed.bucket.InventoryRow;
import org.figstream.connectors.feed.http.FetchFailure;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;
import org.figstream.records.DeadLetter;
import org.figstream.state.FeedIndex;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

/**
 * Compares the bucket's newest daily inventory with what the feed has seen ({@link FeedIndex}) and
 * announces every new or changed version and every removal, resuming from its checkpointed cursor.
 */
public final class InventoryFeed {
  private final BucketClient bucket;
  private final FeedIndex index;
  private final CursorStore cursors;
  private final FeedSettings settings;
  private final Path workDir;

  /**
   * @param workDir where inventory parts are downloaded (inside the data directory)
   */
  public InventoryFeed(
      BucketClient bucket,
      FeedIndex index,
      CursorStore cursors,
      FeedSettings settings,
      Path workDir) {
    this.bucket = bucket;
    this.index = index;
    this.cursors = cursors;
    this.settings = settings;
    this.workDir = workDir;
  }

  /** One pass: process the newest inventory, or do nothing if it was done already. */
  public Mono<FeedRun> runOnce(FeedSinks sinks) {
    return bucket
        .newestInventory()
        .flatMap(
            id -> {
              FeedCursor cursor = cursors.load().orElse(null);
              if (cursor != null && cursor.inventory().equals(id) && cursor.complete()) {
                return Mono.just(new FeedRun(id, true, 0, 0, 0, 0, 0, 0));
              }
              FeedCursor from =
                  cursor != null && cursor.inventory().equals(id)
                      ? cursor
                      : FeedCursor.start(
                          id,
                          cursor == null
                              && index.isEmpty()
                              && settings.startPolicy() == StartPolicy.FROM_NOW);
              return bucket.manifest(id).flatMap(m -> new Pass(id, m, from, sinks).run());
            })
        .defaultIfEmpty(new FeedRun(null, true, 0, 0, 0, 0, 0, 0));
  }

  /** The state of one pass over one inventory. */
  private final class Pass {
    final String inventory;
    final InventoryManifest manifest;
    final boolean quiet;
    final FeedSinks sinks;
    final AtomicReference<FeedCursor> cursor;
    final AtomicLong rows = new AtomicLong();
    final AtomicLong announced = new AtomicLong();
    final AtomicLong removed = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    /** Index writes waiting for the next checkpoint, when a checkpoint commits the deliveries. */
    final List<Runnable> uncommitted = new ArrayList<>();

    Pass(String inventory, InventoryManifest manifest, FeedCursor from, FeedSinks sinks) {
      this.inventory = inventory;
      this.manifest = manifest;
      this.cursor = new AtomicReference<>(from);
      this.quiet = from.quiet();
      this.sinks = sinks;
    }

    Mono<FeedRun> run() {
      FeedCursor start = cursor.get();
      List<Integer> parts = new ArrayList<>();
      for (int i = start.part(); i < manifest.files().size(); i++) {
        parts.add(i);
      }
      return Flux.fromIterable(parts)
          .concatMap(i -> part(i, i == start.part() ? start.rows() : 0))
          .then(Mono.defer(this::removals))
          .then(
              Mono.fromRunnable(
                  () ->
                      checkpoint(
                          cursor
                              .get()
                              .at(parts.isEmpty() ? start.part() : manifest.files().size(), 0)
                              .completed())))
          .then(
              Mono.fromCallable(
                  () ->
                      new FeedRun(
                          inventory,
                          false,
                          rows.get(),
                          announced.get(),
                          removed.get(),
                          unchanged.get(),
                          skipped.get(),
                          failed.get())));
    }

    private Mono<Void> part(int i, long skip) {
      InventoryManifest.Part part = manifest.files().get(i);
      Path dir = workDir.resolve("inventory").resolve(inventory);
      return bucket
          .downloadPart(part, dir)
          .flatMap(
              file ->
                  BucketClient.rows(file, manifest.fileSchema(), skip)
                      .index((n, row) -> reactor.util.function.Tuples.of(skip + n, row))
                      .flatMapSequential(this::prepare, settings.metadataConcurrency())
                      // a delivery and a checkpoint may block (a send waiting for metadata, a save
                      // for the broker's acknowledgement and the commit, a sink that pauses): never
                      // on the HTTP client's event loop that completed a metadata fetch. Reactor
                      // Netty's loops are shared by every client in the JVM, and a request on a
                      // blocked loop cannot even time out there: it waits for the fetcher's attempt
                      // timeout (80 s by default)
                      .publishOn(Schedulers.boundedElastic(), 1)
                      .concatMap(
                          prepared ->
                              deliver(prepared)
                                  .then(
                                      Mono.fromRunnable(
                                          () -> {
                                            rows.incrementAndGet();
                                            long done = prepared.rowNumber + 1;
                                            if (done % settings.checkpointEvery() == 0) {
                                              checkpoint(cursor.updateAndGet(c -> c.at(i, done)));
                                            }
                                          })))
                      .then(
                          Mono.fromRunnable(
                              () -> {
                                checkpoint(cursor.updateAndGet(c -> c.at(i + 1, 0)));
                                deleteQuietly(file);
                              })));
    }

    /**
     * Saves the cursor, then applies the index writes it made final: with a store that commits the
     * deliveries (a Kafka transaction), a row enters the index only once its announcement is
     * committed, so that rows whose announcements a crash or a fencing aborted are announced again.
     */
    private void checkpoint(FeedCursor at) {
      cursors.save(at);
      List<Runnable> done;
      synchronized (uncommitted) {
        done = List.copyOf(uncommitted);
        uncommitted.clear();
      }
      done.forEach(Runnable::run);
    }

    /** An index write, now, or at the next checkpoint when the deliveries are transactional. */
    private void mark(Runnable write) {
      if (cursors.commitsDeliveries()) {
        synchronized (uncommitted) {
          uncommitted.add(write);
        }
      } else {
        write.run();
      }
    }

    /** Decides a row's fate and fetches its metadata when it must be announced (in parallel). */
    private Mono<Prepared> prepare(Tuple2<Long, InventoryRow> numbered) {
      long n = numbered.getT1();
      InventoryRow row = numbered.getT2();
      if (!BucketLayout.isMetadataKey(row.key())) {
        return Mono.just(new Prepared(n, row, Fate.IGNORE, null, null));
      }
      FeedIndex.Entry seen = index.get(row.key());
      if (seen != null && seen.etag().equals(row.etag())) {
        return Mono.just(new Prepared(n, row, Fate.UNCHANGED, null, null));
      }
      if (quiet) {
        return Mono.just(new Prepared(n, row, Fate.SKIP, null, null));
      }
      return bucket
          .metadata(row.key(), row.etag())
          .map(
              m ->
                  new Prepared(
                      n,
                      row,
                      m.openAccess() || settings.keepManuscripts() ? Fate.ANNOUNCE : Fate.SKIP,
                      m,
                      null))
          .onErrorResume(
              e -> Mono.just(new Prepared(n, row, Fate.FAILED, null, deadLetter(row, e))));
    }

    private Mono<Void> deliver(Prepared p) {
      return switch (p.fate) {
        case IGNORE -> Mono.empty();
        case UNCHANGED ->
            Mono.fromRunnable(
                () -> {
                  unchanged.incrementAndGet();
                  mark(() -> index.put(p.row.key(), p.row.etag(), inventory));
                });
        case SKIP ->
            Mono.fromRunnable(
                () -> {
                  skipped.incrementAndGet();
                  mark(() -> index.put(p.row.key(), p.row.etag(), inventory));
                });
        case FAILED ->
            sinks
                .deadLetters()
                .apply(p.deadLetter)
                .then(Mono.fromRunnable(failed::incrementAndGet));
        case ANNOUNCE ->
            sinks
                .announcements()
                .apply(announcement(p.row, p.metadata))
                .then(
                    Mono.fromRunnable(
                        () -> {
                          announced.incrementAndGet();
                          mark(() -> index.put(p.row.key(), p.row.etag(), inventory));
                        }));
      };
    }

    private Mono<Void> removals() {
      if (quiet) {
        return Mono.empty();
      }
      List<String> gone = new ArrayList<>();
      index.forEachNotListedIn(inventory, gone::add);
      return Flux.fromIterable(gone)
          .concatMap(
              key ->
                  sinks
                      .announcements()
                      .apply(
                          new Announcement(
                              Change.REMOVAL,
                              key,
                              BucketLayout.pmcid(key),
                              BucketLayout.version(key),
                              null,
                              null,
                              inventory,
                              null))
                      .then(
                          Mono.fromRunnable(
                              () -> {
                                removed.incrementAndGet();
                                mark(() -> index.delete(key));
                              })))
          .then();
    }

    private Announcement announcement(InventoryRow row, ArticleMetadata m) {
      return new Announcement(
          Change.VERSION,
          row.key(),
          m.pmcid(),
          m.version(),
          row.etag(),
          row.lastModified(),
          inventory,
          m);
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

  private enum Fate {
    IGNORE,
    UNCHANGED,
    SKIP,
    ANNOUNCE,
    FAILED
  }

  private record Prepared(
      long rowNumber,
      InventoryRow row,
      Fate fate,
      ArticleMetadata metadata,
      DeadLetter deadLetter) {}

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
