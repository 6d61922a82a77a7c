package org.figstream.connectors.feed.pubmed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.figstream.connectors.feed.discovery.CursorStore;
import org.figstream.connectors.feed.discovery.FeedCursor;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.records.PubmedRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Follows NLM's daily PubMed update files, so that everything that changed in PubMed since an
 * article's efetch arrives without asking for it: MeSH assigned months later, corrections,
 * deletions.
 *
 * <p>Each {@link #poll}: read the directory listing; take the files after the cursor in name order
 * (at most {@link PubmedSettings#maxFilesPerPoll()}); for each, read its md5 file, download it to
 * {@code workDir} (streamed, bounded, checked against the MD5, retried by the HTTP client), then
 * stream it through a bounded gunzip and the XML reader and deliver as it is read, with
 * backpressure (a few dozen citations in memory at once, whatever the size of the file): every
 * citation that has a PMCID as a record, every {@code DeleteCitation} PMID as a deletion, after all
 * the records. Citations without a PMCID are skipped and counted: figstream joins PubMed to PMC
 * articles only, and an update file carries tens of thousands of citations of which most are not in
 * PMC. The cursor advances past a file only once all its outputs are acknowledged; a crash in the
 * middle applies the file again, which is harmless on a topic compacted by PMID.
 *
 * <p>A bad file (MD5 mismatch after retries, a bad md5 file, bad gzip, bad XML, over a limit, a
 * download that kept failing) is dead-lettered, naming the file, and the poll stops there: the file
 * is not skipped, the cursor stays before it, and the next poll tries it again (NLM replaces a bad
 * file in place), dead-lettering it again while it stays bad. Files are never skipped, because a
 * later file can revise what an earlier one holds, and applying them out of order would let the
 * older version win. A listing that cannot be read fails the poll (the source is down).
 */
public final class UpdateFileFollower {
  /** A year's listing is some 3,000 lines; far below this. */
  static final long MAX_LISTING_BYTES = 8L * 1024 * 1024;

  private static final long MAX_MD5_FILE_BYTES = 4096;
  private static final int DELIVERY_CONCURRENCY = 64;

  private final PubmedSettings settings;
  private final HttpFetcher http;
  private final PubmedXmlParser parser;
  private final CursorStore cursor;
  private final Path workDir;

  /**
   * @param cursor where the last file applied is kept, as the {@link FeedCursor#inventory()} of a
   *     completed cursor: the feed's own stores serve, a {@link
   *     org.figstream.connectors.feed.discovery.FileCursorStore} on one machine or a {@link
   *     org.figstream.connectors.feed.discovery.KafkaCursorStore} with a feed id of its own (say
   *     {@code pubmed-updatefiles}), so a restart resumes after the last file applied. Not a store
   *     that commits deliveries: a delivery here is final once its sink completes.
   * @param workDir where a file is downloaded while it is applied (one {@code NAME.part} at a time,
   *     removed after); under the data directory: nothing is written anywhere else
   */
  public UpdateFileFollower(
      PubmedSettings settings,
      HttpFetcher http,
      PubmedXmlParser parser,
      CursorStore cursor,
      Path workDir) {
    this.settings = settings;
    this.http = http;
    this.parser = parser;
    if (cursor.commitsDeliveries()) {
      throw new IllegalArgumentException(
          "the update-file follower needs a cursor store whose deliveries are final on"
              + " acknowledgement, not one that commits them with the cursor");
    }
    this.cursor = cursor;
    this.workDir = workDir;
  }

  /**
   * A first start from now: with no cursor yet, puts the cursor at the newest file listed, without
   * applying any (a year of update files is tens of GB, and efetch gives the current record of
   * every article announced from now on); with a cursor, changes nothing. Completes with the file
   * the cursor is at, or empty when there is none.
   */
  public Mono<String> startFromNewest() {
    return http.get(settings.updateFilesUrl(), MAX_LISTING_BYTES, null)
        .map(UpdateFileListing::files)
        .publishOn(Schedulers.boundedElastic())
        .flatMap(
            files -> {
              var at = cursor.load().map(FeedCursor::inventory);
              if (at.isPresent() || files.isEmpty()) {
                return Mono.justOrEmpty(at);
              }
              String newest = files.get(files.size() - 1);
              cursor.save(new FeedCursor(newest, 0, 0, true, false));
              return Mono.just(newest);
            });
  }

  /** Applies the files published since the cursor; see the class comment. */
  public Mono<UpdateFilesResult> poll(PubmedSinks sinks) {
    return http.get(settings.updateFilesUrl(), MAX_LISTING_BYTES, null)
        .map(UpdateFileListing::files)
        // the cursor store and the sinks may block: off the shared HTTP event loop
        .publishOn(Schedulers.boundedElastic())
        .flatMap(
            files -> {
              String after = cursor.load().map(FeedCursor::inventory).orElse(null);
              List<String> todo =
                  files.stream().filter(f -> after == null || f.compareTo(after) > 0).toList();
              List<String> now = todo.subList(0, Math.min(todo.size(), settings.maxFilesPerPoll()));
              Tally tally = new Tally();
              return Flux.fromIterable(now)
                  .concatMap(name -> apply(name, sinks, tally))
                  .takeUntil(applied -> !applied)
                  .then(Mono.fromCallable(() -> tally.result(todo.size())));
            })
        .onErrorMap(SinkFailure.class, Throwable::getCause);
  }

  /** Applies one file: true; or dead-letters it: false (the poll stops there). */
  private Mono<Boolean> apply(String name, PubmedSinks sinks, Tally tally) {
    String url = settings.updateFilesUrl() + name;
    // name matched UpdateFileListing.NAME: a plain file name, never a path
    Path part = workDir.resolve(name + ".part");
    FileCounts counts = new FileCounts();
    return http.get(url + ".md5", MAX_MD5_FILE_BYTES, null)
        .map(md5 -> UpdateFileListing.md5(md5, name))
        .flatMap(md5 -> http.download(url, part, settings.maxUpdateFileBytes(), md5))
        .publishOn(Schedulers.boundedElastic())
        .flatMap(file -> deliver(file, sinks, counts))
        .then(
            Mono.fromCallable(
                () -> {
                  cursor.save(new FeedCursor(name, 0, 0, true, false));
                  tally.add(name, counts);
                  return true;
                }))
        .onErrorResume(
            e -> !(e instanceof SinkFailure),
            e -> {
              tally.blockedAt = name;
              return sinks
                  .deadLetters()
                  .apply(
                      PubmedDeadLetters.of(
                          PubmedDeadLetters.UPDATE_FILE,
                          PubmedDeadLetters.reason(e),
                          "PubMed update file "
                              + name
                              + " was not applied; the follower stops before it and tries it"
                              + " again next poll: "
                              + PubmedDeadLetters.message(e),
                          url,
                          PubmedDeadLetters.attempts(e)))
                  .onErrorMap(SinkFailure::new)
                  .thenReturn(false);
            })
        // before the result goes downstream (doFinally runs after it, so a caller could still see
        // the file), and again on a cancel
        .doOnTerminate(() -> deleteQuietly(part))
        .doOnCancel(() -> deleteQuietly(part));
  }

  /**
   * Streams the file through a bounded gunzip into the XML reader and delivers as it reads, with
   * backpressure: the reader runs on one {@link Schedulers#boundedElastic()} worker and is asked
   * for the next citation only as deliveries complete, so no more than some {@value
   * #DELIVERY_CONCURRENCY} citations are in memory at once, whatever the size of the file. Only the
   * deleted PMIDs are collected (PMIDs only, small even for thousands), and delivered after all the
   * records. The reader and the file are closed on completion, error and cancel alike.
   *
   * <p>A file found bad half-way (bad gzip, bad XML, too large) has had the records before the bad
   * part delivered already: harmless, as deliveries are upserts keyed by PMID and the whole file is
   * applied again once NLM replaces it; its deletions, though, are never delivered, and the cursor
   * does not move. Sink failures come out as {@link SinkFailure}, the file's own as themselves.
   */
  private Mono<Void> deliver(Path file, PubmedSinks sinks, FileCounts counts) {
    return Mono.defer(() -> deliver(file, sinks, counts, new ArrayList<>()));
  }

  private Mono<Void> deliver(
      Path file, PubmedSinks sinks, FileCounts counts, List<DeletedCitation> deletions) {
    Flux<Object> items =
        Flux.using(
                () -> parser.stream(BoundedGunzip.open(file, settings.maxXmlBytes())),
                reader ->
                    Flux.<Object>generate(
                        next -> {
                          Object item = reader.next();
                          if (item == null) {
                            next.complete();
                          } else {
                            next.next(item);
                          }
                        }),
                PubmedXmlReader::close)
            // the reader blocks on the file: on a worker, which also serves every request
            .subscribeOn(Schedulers.boundedElastic());
    return items
        .<PubmedRecord>handle(
            (item, next) -> {
              if (item instanceof DeletedCitation d) {
                deletions.add(d);
              } else if (((PubmedRecord) item).pmcid() == null) {
                counts.skipped.incrementAndGet();
              } else {
                next.next((PubmedRecord) item);
              }
            })
        .flatMapSequential(
            (PubmedRecord r) ->
                Mono.defer(() -> sinks.records().apply(r))
                    .onErrorMap(SinkFailure::new)
                    .doOnSuccess(v -> counts.records.incrementAndGet()),
            DELIVERY_CONCURRENCY)
        // deletions after the records: an update file can revise and then delete a citation
        .thenMany(
            Flux.defer(() -> Flux.fromIterable(deletions))
                .flatMapSequential(
                    d ->
                        Mono.defer(() -> sinks.deletions().apply(d.pmid()))
                            .onErrorMap(SinkFailure::new)
                            .doOnSuccess(v -> counts.deletions.incrementAndGet()),
                    DELIVERY_CONCURRENCY))
        .then();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the next attempt truncates it
    }
  }

  /**
   * Counts of one file, added to the poll's once the file is applied (a file dead-lettered half-way
   * counts for nothing).
   */
  private static final class FileCounts {
    final AtomicLong records = new AtomicLong();
    final AtomicLong deletions = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
  }

  /** Counts of one poll. */
  private static final class Tally {
    final List<String> applied = new ArrayList<>();
    final AtomicLong records = new AtomicLong();
    final AtomicLong deletions = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    volatile String blockedAt;

    void add(String file, FileCounts counts) {
      applied.add(file);
      records.addAndGet(counts.records.get());
      deletions.addAndGet(counts.deletions.get());
      skipped.addAndGet(counts.skipped.get());
    }

    UpdateFilesResult result(int listedAfterCursor) {
      int pending = listedAfterCursor - applied.size() - (blockedAt == null ? 0 : 1);
      return new UpdateFilesResult(
          applied, records.get(), deletions.get(), skipped.get(), blockedAt, pending);
    }
  }
}
