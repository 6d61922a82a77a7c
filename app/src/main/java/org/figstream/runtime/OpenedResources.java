package org.figstream.runtime;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What an {@link Instance} has opened so far, closed the last first: however far its start got,
 * {@link #close()} closes exactly that.
 */
final class OpenedResources implements AutoCloseable {
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** {@code resource}, to be closed before everything opened earlier. */
  <T extends AutoCloseable> T open(T resource) {
    opened.push(resource);
    return resource;
  }

  /**
   * Closes everything opened, the last first; a failure to close one does not keep the others open.
   */
  @Override
  public void close() throws Exception {
    Exception first = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
