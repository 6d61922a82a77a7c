package org.figstream.connectors.feed.pubmed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Gunzips a file as a stream, refusing to produce more than a limit (a gzip bomb stops there).
 * Nothing is inflated ahead of the reader beyond the inflater's buffer.
 */
final class BoundedGunzip {
  private static final int BUFFER = 64 * 1024;

  private BoundedGunzip() {}

  /**
   * The file's inflated bytes. Its {@code read} methods throw the typed errors unchecked, so that
   * they cross an XML parser reading the stream unchanged (a parser wraps an {@link IOException} of
   * its input as a parse error).
   *
   * @throws UpdateFileException {@value PubmedDeadLetters#BAD_GZIP} for a stream that is not gzip,
   *     corrupt or cut short (here, or later from {@code read}); {@code too-large} from {@code
   *     read} past {@code maxBytes}
   */
  static InputStream open(Path gz, long maxBytes) {
    InputStream file = null;
    try {
      file = Files.newInputStream(gz);
      return new LimitedInput(
          new GZIPInputStream(file, BUFFER),
          maxBytes,
          () ->
              new UpdateFileException(
                  "too-large",
                  gz.getFileName() + " gunzips to more than the limit of " + maxBytes + " bytes",
                  null),
          e -> badGzip(gz, e));
    } catch (IOException e) {
      closeQuietly(file);
      throw badGzip(gz, e);
    }
  }

  private static UpdateFileException badGzip(Path gz, IOException e) {
    return new UpdateFileException(
        PubmedDeadLetters.BAD_GZIP,
        gz.getFileName() + " is not a whole gzip stream: " + e.getMessage(),
        e);
  }

  private static void closeQuietly(InputStream in) {
    if (in == null) {
      return;
    }
    try {
      in.close();
    } catch (IOException ignored) {
      // opening failed already; that is the error to report
    }
  }
}
