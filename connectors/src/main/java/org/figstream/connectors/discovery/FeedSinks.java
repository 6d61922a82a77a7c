package org.figstream.connectors.discovery;

import java.util.function.Function;
import org.figstream.api.feed.Announcement;
import org.figstream.api.feed.DeadLetter;
import reactor.core.publisher.Mono;

/**
 * Where the feed delivers. The feed records a row as done only after its sink's Mono completes, so a
 * sink that writes to Kafka completes on the broker's acknowledgement and nothing is lost in a crash.
 */
public record FeedSinks(Function<Announcement, Mono<Void>> announcements,
    Function<DeadLetter, Mono<Void>> deadLetters) {}
