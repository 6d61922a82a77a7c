package org.figstream.connectors.sink.manifest;

import java.io.IOException;

/**
 * Another writer holds the dataset folder, or published a manifest this writer did not build on:
 * this writer must stop (and, reopened, resume from the manifest as it is now).
 */
public final class ConcurrentWriterException extends IOException {
  public ConcurrentWriterException(String message) {
    super(message);
  }
}
