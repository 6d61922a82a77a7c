package org.figstream.connectors.feed.pubmed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.figstream.records.PubmedRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads one downloaded update file and delivers what it holds, apart from fetching and the cursor,
 * because this is where memory stays bounded whatever the size of the file.
 */
final class UpdateFileDelivery {
  private static final int DELIVERY_CONCURRENCY = 64;

  private final PubmedXmlParser parser;
  private final int maxXmlBytes;

  /**
   * @param maxXmlBytes limit of the file once gunzipped
   */
  UpdateFileDelivery(PubmedXmlParser parser, int maxXmlBytes) {
    this.parser = parser;
    this.maxXmlBytes = maxXmlBytes;
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
  Mono<Void> deliver(Path file, PubmedSinks sinks, UpdateFileCounts counts) {
    return Mono.defer(() -> deliver(file, sinks, counts, new ArrayList<>()));
  }

  private Mono<Void> deliver(
      Path file, PubmedSinks sinks, UpdateFileCounts counts, List<DeletedCitation> deletions) {
    Flux<Object> items =
        Flux.using(
                () -> parser.stream(BoundedGunzip.open(file, maxXmlBytes)),
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
}
