package org.figstream.connectors.feed.discovery;

import java.util.function.Function;
import org.figstream.records.Announcement;
import org.figstream.records.DeadLetter;
import reactor.core.publisher.Mono;

/**
 * Where the feed delivers. The feed records a row as done only after its sink's Mono completes, so
 * a sink that writes to Kafka completes on the broker's acknowledgement and nothing is lost in a
 * crash.
 */
public record FeedSinks(
    Function<Announcement, Mono<Void>> announcements,
    Function<DeadLetter, Mono<Void>> deadLetters) {}
