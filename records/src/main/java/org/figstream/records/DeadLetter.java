package org.figstream.records;

import java.time.Instant;

/**
 * Something that could not be processed, with enough to find it again and to know why.
 *
 * @param stage where it failed: {@code discover}, {@code metadata}, {@code fetch}, {@code extract},
 *     ...
 * @param reason a short machine-readable cause: {@code http-404}, {@code md5-mismatch}, {@code
 *     too-large}, {@code host-not-allowed}, {@code timeout}, {@code unsafe-archive-entry}, ...
 * @param message a clear, human-readable explanation
 * @param source the coordinates of the input: a URL, a bucket key or a file path
 * @param pmcid the article, when known
 * @param attempts how many times it was tried
 */
public record DeadLetter(
    String stage,
    String reason,
    String message,
    String source,
    String pmcid,
    int attempts,
    Instant at) {}
