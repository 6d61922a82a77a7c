package org.figstream.connectors.feed.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.figstream.connectors.feed.local.ArchiveModel.Entry;
import org.figstream.connectors.feed.local.HostileArchives.Case;

/** The bytes a generated {@link Case} puts on disk: its entries as tar.gz, then its wire change. */
final class WireBytes {
  /** A second gzip member after the package: a tar whose entries would all be refused. */
  private static final byte[] SECOND_MEMBER =
      ArchiveModel.gzip(
          ArchiveModel.tar(
              List.of(
                  Entry.file("../evil.xml", "<article/>".getBytes(UTF_8)),
                  Entry.link("PMC1/fig2.jpg", "/etc/shadow", TarArchiveEntry.LF_SYMLINK))));

  private WireBytes() {}

  static byte[] of(Case c) {
    return switch (c.wire()) {
      case GZIP -> ArchiveModel.tarGz(c.entries());
      case CONCATENATED -> concat(ArchiveModel.tarGz(c.entries()), SECOND_MEMBER);
      case TRUNCATED -> {
        byte[] gz = ArchiveModel.tarGz(c.entries());
        yield Arrays.copyOf(gz, Math.floorMod(c.at(), gz.length));
      }
      case REPLACED -> replaced(ArchiveModel.tarGz(c.entries()), c.at());
      case TAR_BYTE_REPLACED -> ArchiveModel.gzip(replaced(ArchiveModel.tar(c.entries()), c.at()));
      case SPLIT -> {
        byte[] tar = ArchiveModel.tar(c.entries());
        int at = Math.floorMod(c.at(), tar.length + 1);
        yield concat(
            ArchiveModel.gzip(Arrays.copyOf(tar, at)),
            ArchiveModel.gzip(Arrays.copyOfRange(tar, at, tar.length)));
      }
      case LYING_SIZE -> {
        long size = ArchiveModel.LIMITS.maxEntryBytes() + 1 + Math.floorMod(c.at(), 1L << 32);
        byte[] tar = ArchiveModel.tar(c.entries());
        yield ArchiveModel.gzip(
            ArchiveModel.lyingSize(tar, c.entries().get(0).data().length, size));
      }
      case PLAIN_TAR -> ArchiveModel.tar(c.entries());
      case EMPTY -> new byte[0];
      case RANDOM -> c.noise();
    };
  }

  /** A copy with the byte at {@code at} (taken modulo the length) changed to a different value. */
  private static byte[] replaced(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    int i = Math.floorMod(at, copy.length);
    copy[i] = (byte) (copy[i] ^ (1 + Math.floorMod(at >> 8, 255)));
    return copy;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
