package org.figstream.connectors.feed.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Writes one download attempt to a file, counting and hashing as it goes. */
final class FileSink implements AutoCloseable {
  private final Path target;
  private final long limit;
  private final String url;
  private final FileChannel channel;
  private final MessageDigest md5;
  private long size;

  FileSink(Path target, long limit, String url) throws IOException {
    this.target = target;
    this.limit = limit;
    this.url = url;
    Files.createDirectories(target.getParent());
    this.channel =
        FileChannel.open(
            target,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void write(byte[] chunk) {
    if (size + chunk.length > limit) {
      throw FetchFailure.permanent(
          "too-large", url, "body of " + url + " exceeds the limit of " + limit + " bytes");
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(chunk);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    md5.update(chunk);
    size += chunk.length;
  }

  Path finish(long declared, String expectedMd5) throws IOException {
    FetchAttempt.checkLength(url, size, declared);
    if (expectedMd5 != null) {
      FetchAttempt.checkMd5(url, HexFormat.of().formatHex(md5.digest()), expectedMd5);
    }
    channel.force(true);
    return target;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
