package org.figstream.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes to the stream it stands in for (System.err, say) and to a second one that keeps a copy.
 */
final class TeeOutputStream extends OutputStream {
  private final OutputStream first;
  private final OutputStream second;

  TeeOutputStream(OutputStream first, OutputStream second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    first.write(b);
    second.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    first.write(b, off, len);
    second.write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    first.flush();
  }
}
