package org.figstream.processors.api;

/**
 * Something the extractor cut from an article it still returns, to be reported beside the article
 * (as a dead letter of stage {@code extract} in the pipeline, on stderr in {@code figstream
 * extract}).
 *
 * @param reason machine-readable: {@code mentions-truncated}, {@code text-truncated}
 * @param message what was cut, from which figures, and the limit that cut it
 */
public record ExtractionWarning(String reason, String message) {}
