package org.figstream.connectors.feed.pubmed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Gives at most {@code maxBytes} of its input, then throws the caller's error (a gzip bomb or an
 * oversized document stops there). Errors are unchecked, so that they cross an XML parser reading
 * the stream unchanged: a parser wraps an {@link IOException} of its input as a parse error.
 */
final class LimitedInput extends FilterInputStream {
  private final long maxBytes;
  private final Supplier<RuntimeException> tooLarge;
  private final Function<IOException, RuntimeException> readFailure;
  private long total;

  /**
   * @param readFailure what a failure of the input becomes; null to pass it on as it is
   */
  LimitedInput(
      InputStream in,
      long maxBytes,
      Supplier<RuntimeException> tooLarge,
      Function<IOException, RuntimeException> readFailure) {
    super(in);
    this.maxBytes = maxBytes;
    this.tooLarge = tooLarge;
    this.readFailure = readFailure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(b, off, len);
    } catch (IOException e) {
      if (readFailure == null) {
        throw e;
      }
      throw readFailure.apply(e);
    }
    if (n > 0) {
      total += n;
      if (total > maxBytes) {
        throw tooLarge.get();
      }
    }
    return n;
  }

  /** Through {@link #read(byte[], int, int)}, so that skipped bytes count too. */
  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    return Math.max(read(buffer, 0, buffer.length), 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
