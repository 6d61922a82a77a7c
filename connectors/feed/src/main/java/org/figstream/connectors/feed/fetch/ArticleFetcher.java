package org.figstream.connectors.feed.fetch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.http.FetchFailure;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.processors.api.ImageFiles;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.DeadLetter;
import org.figstream.records.FileRef;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Downloads an announced version: its XML and the media files that can make pairs (images), each
 * checked against the bucket's MD5. Never fails: the outcome is the article or a dead letter,
 * marked when the source was down rather than the version broken.
 */
public final class ArticleFetcher {
  /** PMC XML is rarely over a few MB; the extractor refuses more than 64 MiB anyway. */
  public static final long MAX_XML_BYTES = 64L * 1024 * 1024;

  /** Figure originals (TIFF) can be large; anything over this is not a figure worth the memory. */
  public static final long MAX_MEDIA_BYTES = 256L * 1024 * 1024;

  /** A metadata JSON is a few KB. */
  private static final long MAX_METADATA_BYTES = 16L * 1024 * 1024;

  private static final String NOT_FOUND = "http-404";

  private final BucketLayout layout;
  private final HttpFetcher http;
  private final int mediaConcurrency;

  public ArticleFetcher(BucketLayout layout, HttpFetcher http, int mediaConcurrency) {
    this.layout = layout;
    this.http = http;
    this.mediaConcurrency = mediaConcurrency;
  }

  public Mono<FetchOutcome> fetch(Announcement announcement) {
    ArticleMetadata m = announcement.metadata();
    if (m == null || m.xml() == null) {
      return Mono.just(
          deadLetter(
              announcement, "no-xml", "the version has no XML to fetch", announcement.key(), 1));
    }
    List<FileRef> images =
        m.media().stream().filter(f -> ImageFiles.isImage(f.fileName())).toList();
    Mono<byte[]> xml = get(m.xml(), MAX_XML_BYTES);
    Mono<Map<String, byte[]>> media =
        Flux.fromIterable(images)
            .flatMapSequential(
                f -> get(f, MAX_MEDIA_BYTES).map(bytes -> Map.entry(f.fileName(), bytes)),
                mediaConcurrency)
            .collect(
                LinkedHashMap<String, byte[]>::new, (map, e) -> map.put(e.getKey(), e.getValue()))
            .map(map -> (Map<String, byte[]>) map);
    return Mono.zip(xml, media)
        .<FetchOutcome>map(t -> new FetchedArticle(announcement, t.getT1(), t.getT2()))
        .onErrorResume(e -> outcomeOf(announcement, e));
  }

  /**
   * What a failed download of {@code a} comes to. Images fetched side by side that fail at the same
   * moment arrive as one combined error, which is no FetchFailure: before 2026-12-05 it was taken
   * for a broken version and dead-lettered, and its request committed, while the source was only
   * down (most likely the pair of the outage test that went missing in CI once).
   */
  Mono<FetchOutcome> outcomeOf(Announcement a, Throwable error) {
    return Mono.defer(
            () -> {
              if (FetchFailure.representative(error) instanceof FetchFailure f) {
                return f.reason().equals(NOT_FOUND)
                    ? recheck(a, f)
                    : Mono.just(failed(a, f, f.getMessage()));
              }
              return Mono.<FetchOutcome>error(error);
            })
        // anything a download does not report, here or in the recheck: a dead letter saying what
        .onErrorResume(
            e -> Mono.just(deadLetter(a, "error", String.valueOf(e), a.metadata().xml().url(), 1)));
  }

  /**
   * A file answered 404: asks for the version's metadata object. Gone too, the version was removed
   * after it was announced; still there, the bucket lists a version whose files are missing, which
   * is a dead letter (replayable once the files appear). A recheck the source cannot answer is
   * waited for like any other fetch.
   */
  private Mono<FetchOutcome> recheck(Announcement a, FetchFailure missing) {
    return http.get(layout.url(a.key()), MAX_METADATA_BYTES, null)
        .<FetchOutcome>map(
            present ->
                failed(
                    a,
                    missing,
                    missing.getMessage()
                        + " (rechecked: the version's metadata "
                        + a.key()
                        + " is still in the bucket)"))
        .onErrorResume(
            FetchFailure.class,
            f ->
                Mono.just(
                    f.reason().equals(NOT_FOUND)
                        ? new FetchOutcome.Gone(
                            a,
                            missing.url()
                                + " and the version's metadata "
                                + a.key()
                                + " answer 404: removed from the bucket since it was announced")
                        : failed(a, f, f.getMessage())));
  }

  private static FetchOutcome failed(Announcement a, FetchFailure f, String message) {
    return new FetchOutcome.Failed(
        fetchDeadLetter(a, f.reason(), message, f.url(), f.attempts()), f.sourceUnavailable());
  }

  private Mono<byte[]> get(FileRef file, long limit) {
    String url;
    try {
      url = layout.resolve(file.url());
    } catch (IllegalArgumentException e) {
      return Mono.error(e);
    }
    return http.get(url, limit, file.md5());
  }

  private static FetchOutcome deadLetter(
      Announcement a, String reason, String message, String source, int attempts) {
    return FetchOutcome.failed(fetchDeadLetter(a, reason, message, source, attempts));
  }

  private static DeadLetter fetchDeadLetter(
      Announcement a, String reason, String message, String source, int attempts) {
    return new DeadLetter("fetch", reason, message, source, a.pmcid(), attempts, Instant.now());
  }
}
