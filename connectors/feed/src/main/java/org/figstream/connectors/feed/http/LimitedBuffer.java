package org.figstream.connectors.feed.http;

import java.util.Arrays;

/**
 * Collects a response body and refuses to grow past a limit, so an endless body cannot fill memory.
 */
final class LimitedBuffer {
  private final long limit;
  private final String url;
  private byte[] bytes = new byte[8192];
  private int size;

  LimitedBuffer(long limit, String url) {
    this.limit = limit;
    this.url = url;
  }

  void add(byte[] chunk) {
    if ((long) size + chunk.length > limit) {
      throw FetchFailure.permanent(
          "too-large", url, "body of " + url + " exceeds the limit of " + limit + " bytes");
    }
    if (size + chunk.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + chunk.length, bytes.length * 2));
    }
    System.arraycopy(chunk, 0, bytes, size, chunk.length);
    size += chunk.length;
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }
}
