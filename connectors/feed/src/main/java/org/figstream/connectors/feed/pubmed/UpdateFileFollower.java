package org.figstream.connectors.feed.pubmed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.figstream.connectors.feed.discovery.CursorStore;
import org.figstream.connectors.feed.discovery.FeedCursor;
import org.figstream.connectors.feed.http.HttpFetcher;
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

  private final PubmedSettings settings;
  private final HttpFetcher http;
  private final UpdateFileCursor cursor;
  private final UpdateFileDelivery delivery;
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
    this.cursor = new UpdateFileCursor(cursor);
    this.delivery = new UpdateFileDelivery(parser, settings.maxXmlBytes());
    this.workDir = workDir;
  }

  /**
   * A first start from now: with no cursor yet, puts the cursor at the newest file listed, without
   * applying any (a year of update files is tens of GB, and efetch gives the current record of
   * every article announced from now on); with a cursor, changes nothing. Completes with the file
   * the cursor is at, or empty when there is none.
   */
  public Mono<String> startFromNewest() {
    return listedFiles()
        .publishOn(Schedulers.boundedElastic())
        .flatMap(
            files -> {
              var at = cursor.lastApplied();
              if (at.isPresent() || files.isEmpty()) {
                return Mono.justOrEmpty(at);
              }
              String newest = files.get(files.size() - 1);
              cursor.moveTo(newest);
              return Mono.just(newest);
            });
  }

  /** Applies the files published since the cursor; see the class comment. */
  public Mono<UpdateFilesResult> poll(PubmedSinks sinks) {
    return listedFiles()
        // the cursor store and the sinks may block: off the shared HTTP event loop
        .publishOn(Schedulers.boundedElastic())
        .flatMap(
            files -> {
              String after = cursor.lastApplied().orElse(null);
              List<String> todo =
                  files.stream().filter(f -> after == null || f.compareTo(after) > 0).toList();
              List<String> now = todo.subList(0, Math.min(todo.size(), settings.maxFilesPerPoll()));
              UpdatePollTally tally = new UpdatePollTally();
              return Flux.fromIterable(now)
                  .concatMap(name -> apply(name, sinks, tally))
                  .takeUntil(applied -> !applied)
                  .then(Mono.fromCallable(() -> tally.result(todo.size())));
            })
        .onErrorMap(SinkFailure.class, Throwable::getCause);
  }

  /** The update files the directory lists, in name order. */
  private Mono<List<String>> listedFiles() {
    return http.get(settings.updateFilesUrl(), MAX_LISTING_BYTES, null)
        .map(UpdateFileListing::files);
  }

  /** Applies one file: true; or dead-letters it: false (the poll stops there). */
  private Mono<Boolean> apply(String name, PubmedSinks sinks, UpdatePollTally tally) {
    String url = settings.updateFilesUrl() + name;
    // name matched UpdateFileListing.NAME: a plain file name, never a path
    Path part = workDir.resolve(name + ".part");
    UpdateFileCounts counts = new UpdateFileCounts();
    return http.get(url + ".md5", MAX_MD5_FILE_BYTES, null)
        .map(md5 -> UpdateFileListing.md5(md5, name))
        .flatMap(md5 -> http.download(url, part, settings.maxUpdateFileBytes(), md5))
        .publishOn(Schedulers.boundedElastic())
        .flatMap(file -> delivery.deliver(file, sinks, counts))
        .then(
            Mono.fromCallable(
                () -> {
                  cursor.moveTo(name);
                  tally.add(name, counts);
                  return true;
                }))
        .onErrorResume(
            e -> !(e instanceof SinkFailure),
            e -> {
              tally.blockedAt(name);
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

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the next attempt truncates it
    }
  }
}
