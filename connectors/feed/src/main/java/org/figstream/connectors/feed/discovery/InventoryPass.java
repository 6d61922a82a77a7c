package org.figstream.connectors.feed.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.bucket.InventoryManifest;
import org.figstream.state.FeedIndex;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuples;

/**
 * One pass over one inventory ({@link InventoryFeed#runOnce}): its parts in order from the cursor,
 * each row decided ({@link RowDecisions}) and delivered in order, the removals after the last part,
 * and the cursor checkpointed as it goes, with the index writes that each checkpoint makes final.
 *
 * <p>Removals are decided only by a pass whose index holds the stamps of every row before its
 * cursor: a key is removed when its stamp (the last inventory that listed it) is not this
 * inventory, and a pass resumed from a cursor did not stamp the rows before it. A pass from the
 * first row has them all; a resumed one only if the index says it stamped through the cursor
 * ({@link FeedIndex#stampedThrough()}, written at each checkpoint of such a pass). Otherwise this
 * instance's index never saw those rows (another instance did them, then lost the feed) or lost
 * their writes (a crash between a cursor commit and the index writes it made final), and the pass
 * leaves removals to the next whole pass, the next inventory's, which finds every key no longer
 * listed.
 */
final class InventoryPass {
  private final BucketClient bucket;
  private final FeedIndex index;
  private final CursorStore cursors;
  private final FeedSettings settings;
  private final Path workDir;
  private final RowDecisions decisions;
  private final String inventory;
  private final InventoryManifest manifest;
  private final boolean quiet;
  private final FeedSinks sinks;
  private final AtomicReference<FeedCursor> cursor;
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong announced = new AtomicLong();
  private final AtomicLong removed = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /** Whether the index holds the stamps of every row before this pass's start (see above). */
  private final boolean stampsFromStart;

  /** Index writes waiting for the next checkpoint, when a checkpoint commits the deliveries. */
  private final List<Runnable> uncommitted = new ArrayList<>();

  InventoryPass(
      BucketClient bucket,
      FeedIndex index,
      CursorStore cursors,
      FeedSettings settings,
      Path workDir,
      String inventory,
      InventoryManifest manifest,
      FeedCursor from,
      FeedSinks sinks) {
    this.bucket = bucket;
    this.index = index;
    this.cursors = cursors;
    this.settings = settings;
    this.workDir = workDir;
    this.inventory = inventory;
    this.manifest = manifest;
    this.cursor = new AtomicReference<>(from);
    this.quiet = from.quiet();
    this.sinks = sinks;
    this.decisions = new RowDecisions(bucket, index, settings, quiet);
    this.stampsFromStart = Removals.decidedBy(index, from);
  }

  Mono<FeedRun> run() {
    FeedCursor start = cursor.get();
    List<Integer> parts = new ArrayList<>();
    for (int i = start.part(); i < manifest.files().size(); i++) {
      parts.add(i);
    }
    return Flux.fromIterable(parts)
        .concatMap(i -> part(i, i == start.part() ? start.rows() : 0))
        .then(Mono.defer(() -> stampsFromStart ? removals() : Mono.empty()))
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
                    .index((n, row) -> Tuples.of(skip + n, row))
                    .flatMapSequential(
                        numbered -> decisions.prepare(numbered.getT1(), numbered.getT2()),
                        settings.metadataConcurrency())
                    // a delivery and a checkpoint may block (a send waiting for metadata, a save
                    // for the broker's acknowledgement and the commit, a sink that pauses): never
                    // on the HTTP client's event loop that completed a metadata fetch. Reactor
                    // Netty's loops are shared by every client in the JVM, and a request on a
                    // blocked loop cannot even time out there (its idle timeout and body pace run
                    // on that loop): only the headers' allowance, 80 s by default, ends it
                    .publishOn(Schedulers.boundedElastic(), 1)
                    .concatMap(
                        prepared ->
                            deliver(prepared)
                                .then(
                                    Mono.fromRunnable(
                                        () -> {
                                          rows.incrementAndGet();
                                          long done = prepared.rowNumber() + 1;
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
    if (stampsFromStart) {
      index.stampedThrough(new FeedIndex.Position(at.inventory(), at.part(), at.rows()));
    }
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

  private Mono<Void> deliver(PreparedRow p) {
    return switch (p.fate()) {
      case IGNORE -> Mono.empty();
      case UNCHANGED ->
          Mono.fromRunnable(
              () -> {
                unchanged.incrementAndGet();
                mark(() -> index.put(p.row().key(), p.row().etag(), inventory));
              });
      case SKIP ->
          Mono.fromRunnable(
              () -> {
                skipped.incrementAndGet();
                mark(() -> index.put(p.row().key(), p.row().etag(), inventory));
              });
      case FAILED ->
          sinks
              .deadLetters()
              .apply(p.deadLetter())
              .then(
                  Mono.fromRunnable(
                      () -> {
                        failed.incrementAndGet();
                        // still listed, so not a removal; its old ETag makes the next pass
                        // read it again (a key the index lacks stays absent: nothing to remove)
                        mark(() -> index.restamp(p.row().key(), inventory));
                      }));
      case ANNOUNCE ->
          sinks
              .announcements()
              .apply(p.announcement(inventory))
              .then(
                  Mono.fromRunnable(
                      () -> {
                        announced.incrementAndGet();
                        mark(() -> index.put(p.row().key(), p.row().etag(), inventory));
                      }));
    };
  }

  private Mono<Void> removals() {
    if (quiet) {
      return Mono.empty();
    }
    return Flux.fromIterable(Removals.notListed(index, inventory))
        .concatMap(
            key ->
                sinks
                    .announcements()
                    .apply(Removals.announcement(key, inventory))
                    .then(
                        Mono.fromRunnable(
                            () -> {
                              removed.incrementAndGet();
                              mark(() -> index.delete(key));
                            })))
        .then();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
