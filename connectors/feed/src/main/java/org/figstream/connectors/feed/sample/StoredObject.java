package org.figstream.connectors.feed.sample;

import org.figstream.connectors.feed.http.HttpFetcher;

/**
 * One object of the emulated bucket. The ETag is the MD5 of the bytes, as S3 gives for simple
 * uploads.
 */
public record StoredObject(byte[] bytes, String etag, String lastModified) {

  static StoredObject of(byte[] bytes, String lastModified) {
    return new StoredObject(bytes, HttpFetcher.md5Hex(bytes), lastModified);
  }
}
