package org.figstream.connectors.feed.pubmed;

/**
 * A sink that failed (the broker is down): not the input's fault, so it fails the lookup or poll,
 * unwrapped, instead of becoming a dead letter; nothing after it is marked done.
 */
final class SinkFailure extends RuntimeException {
  SinkFailure(Throwable cause) {
    super(cause);
  }
}
