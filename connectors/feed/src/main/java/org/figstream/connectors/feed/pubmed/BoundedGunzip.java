package org.figstream.connectors.feed.pubmed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Gunzips a file into memory, refusing to produce more than a limit (a gzip bomb stops there). */
final class BoundedGunzip {
  private BoundedGunzip() {}

  /**
   * @throws UpdateFileException {@value PubmedDeadLetters#BAD_GZIP} for a stream that is not gzip,
   *     corrupt or cut short; {@code too-large} past {@code maxBytes}
   */
  static byte[] read(Path gz, int maxBytes) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 64 * 1024)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new UpdateFileException(
              "too-large",
              gz.getFileName() + " gunzips to more than the limit of " + maxBytes + " bytes",
              null);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UpdateFileException(
          PubmedDeadLetters.BAD_GZIP,
          gz.getFileName() + " is not a whole gzip stream: " + e.getMessage(),
          e);
    }
  }
}
