package org.figstream.connectors.feed.sample;

import java.util.function.Supplier;
import org.figstream.connectors.feed.http.HttpFetcher;

/**
 * One object of the emulated bucket. The ETag is the MD5 of the bytes, as S3 gives for simple
 * uploads. The bytes may be held or made again on each request ({@link #lazy}): a generated corpus
 * too large for memory keeps only the ETag and size of each object.
 */
public record StoredObject(Supplier<byte[]> body, long size, String etag, String lastModified) {

  /** An object whose bytes are held. */
  public static StoredObject of(byte[] bytes, String lastModified) {
    return new StoredObject(() -> bytes, bytes.length, HttpFetcher.md5Hex(bytes), lastModified);
  }

  /**
   * An object made again by {@code body} on each request; {@code body} must give the same bytes
   * every time, those whose MD5 is {@code etag}.
   */
  public static StoredObject lazy(
      Supplier<byte[]> body, long size, String etag, String lastModified) {
    return new StoredObject(body, size, etag, lastModified);
  }

  public byte[] bytes() {
    return body.get();
  }
}
