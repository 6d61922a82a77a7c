package org.figstream.connectors.feed.pubmed;

import java.util.function.Function;
import org.figstream.records.DeadLetter;
import org.figstream.records.PubmedRecord;
import reactor.core.publisher.Mono;

/**
 * Where the PubMed source delivers, Kafka-free like {@link
 * org.figstream.connectors.feed.discovery.FeedSinks}: each Mono completes once the output is
 * acknowledged (with Kafka: by the broker), and the source moves on (the update-file cursor
 * advances) only after that.
 *
 * @param records a citation to upsert, keyed by its PMID ({@link PubmedRecord#pmid()})
 * @param deletions a PMID NLM deleted ({@code DeleteCitation}): a tombstone for that key
 * @param deadLetters a PMID that did not resolve, a batch or update file that failed: the app sends
 *     these to {@code dlq} and counts them (stage {@link PubmedDeadLetters#EFETCH} or {@link
 *     PubmedDeadLetters#UPDATE_FILE}, reason as in {@link PubmedDeadLetters})
 */
public record PubmedSinks(
    Function<PubmedRecord, Mono<Void>> records,
    Function<String, Mono<Void>> deletions,
    Function<DeadLetter, Mono<Void>> deadLetters) {}
