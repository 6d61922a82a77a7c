package org.figstream.connectors.feed.pubmed;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.figstream.connectors.feed.pubmed.PubmedXmlException.Kind;
import org.figstream.processors.jats.JatsExtractor;

/**
 * The checks {@link JatsExtractor#checkDocument} makes on a whole document in memory (size, empty,
 * not XML), made on a stream instead, so that a streamed document fails the same way as a parsed
 * one without ever being held whole.
 */
final class StreamedXmlChecks {
  /** How far leading white space is looked through before the first {@code <} is checked. */
  private static final int SNIFF_BYTES = 64 * 1024;

  private StreamedXmlChecks() {}

  /**
   * {@code source} bounded to {@code maxBytes} ({@link Kind#TOO_LARGE} past it) and with its head
   * checked.
   */
  static InputStream guarded(InputStream source, int maxBytes) {
    return sniffed(
        new LimitedInput(
            source,
            maxBytes,
            () ->
                new PubmedXmlException(
                    Kind.TOO_LARGE, "the document is over the limit of " + maxBytes + " bytes"),
            null));
  }

  /**
   * The checks {@link JatsExtractor#checkDocument} makes before parsing (empty, only white space,
   * not starting with {@code <}), on the head of the stream: they depend only on the bytes up to
   * the first one that is not white space after a byte-order mark, and those are given back to the
   * parser. Past {@value #SNIFF_BYTES} bytes of white space the parser judges alone.
   */
  private static InputStream sniffed(InputStream in) {
    BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
    buffered.mark(SNIFF_BYTES);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try {
      while (head.size() < SNIFF_BYTES) {
        int b = buffered.read();
        if (b < 0) {
          break;
        }
        head.write(b);
        if (head.size() >= 2 && !isWhiteSpace(b) && !inByteOrderMark(head.toByteArray())) {
          break;
        }
      }
      byte[] bytes = head.toByteArray();
      if (bytes.length < SNIFF_BYTES || !allWhiteSpace(bytes)) {
        JatsExtractor.checkDocument(bytes, Integer.MAX_VALUE);
      }
      buffered.reset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffered;
  }

  private static boolean isWhiteSpace(int b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /** Whether the bytes read so far are a UTF-8 byte-order mark or the start of one. */
  private static boolean inByteOrderMark(byte[] head) {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    if (head.length > bom.length) {
      return false;
    }
    for (int i = 0; i < head.length; i++) {
      if (head[i] != bom[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean allWhiteSpace(byte[] bytes) {
    for (byte b : bytes) {
      if (!isWhiteSpace(b)) {
        return false;
      }
    }
    return true;
  }
}
