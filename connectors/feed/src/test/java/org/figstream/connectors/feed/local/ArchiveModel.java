package org.figstream.connectors.feed.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.figstream.processors.api.ImageFiles;

/**
 * The generated packages' entries, how they are written (tar, then gzip), and what {@link
 * PackageReader} must make of them, worked out from the entries alone.
 */
final class ArchiveModel {
  /** Small limits, so bombs stay cheap to build and to read. */
  static final ArchiveLimits LIMITS = new ArchiveLimits(256 * 1024, 64 * 1024, 200);

  /**
   * One tar entry: a file holding {@code data}, or, when {@code data} is null, {@code zeros} bytes
   * of zeros written in chunks (bombs); a link when {@code type} is a link type.
   */
  record Entry(String name, byte type, String link, byte[] data, long zeros) {
    static Entry file(String name, byte[] data) {
      return new Entry(name, TarArchiveEntry.LF_NORMAL, null, data, 0);
    }

    static Entry zeros(String name, long size) {
      return new Entry(name, TarArchiveEntry.LF_NORMAL, null, null, size);
    }

    static Entry link(String name, String target, byte type) {
      return new Entry(name, type, target, new byte[0], 0);
    }

    long size() {
      return data == null ? zeros : data.length;
    }

    boolean isLink() {
      return type == TarArchiveEntry.LF_SYMLINK || type == TarArchiveEntry.LF_LINK;
    }

    @Override
    public String toString() {
      return name.replace("\n", "\\n") + (isLink() ? " -> " + link : " (" + size() + " bytes)");
    }
  }

  private ArchiveModel() {}

  static byte[] tar(List<Entry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    writeTar(entries, bytes);
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressorOutputStream(bytes)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The tar streamed straight into gzip, so a bomb's zeros are never held in memory at once. */
  static byte[] tarGz(List<Entry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes)) {
      writeTar(entries, gz);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeTar(List<Entry> entries, OutputStream out) {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      tar.setAddPaxHeadersForNonAsciiNames(true); // names read back the same whatever the locale
      byte[] chunk = new byte[64 * 1024];
      for (Entry e : entries) {
        TarArchiveEntry t =
            e.isLink() ? new TarArchiveEntry(e.name(), e.type(), true) : entry(e.name());
        // fixed owner and time: the committed corpus files come out the same on every machine
        t.setUserName("");
        t.setModTime(0);
        if (e.isLink()) {
          t.setLinkName(e.link());
        } else {
          t.setSize(e.size());
        }
        tar.putArchiveEntry(t);
        if (e.data() != null) {
          tar.write(e.data());
        }
        for (long left = e.zeros(); left > 0; left -= chunk.length) {
          tar.write(chunk, 0, (int) Math.min(left, chunk.length));
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TarArchiveEntry entry(String name) {
    return new TarArchiveEntry(name, true); // keep leading slashes and drive letters as given
  }

  /**
   * The tar with the second entry's header claiming {@code size} bytes (octal, checksum fixed),
   * when the first entry has a short name and {@code data}: a header that lies about its size.
   */
  static byte[] lyingSize(byte[] tar, int firstDataLength, long size) {
    byte[] out = tar.clone();
    int header = 512 + (firstDataLength + 511) / 512 * 512;
    byte[] field = String.format("%011o ", size).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(field, 0, out, header + 124, 12);
    Arrays.fill(out, header + 148, header + 156, (byte) ' ');
    int sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += out[header + i] & 0xFF;
    }
    byte[] check = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(check, 0, out, header + 148, 8);
    return out;
  }

  /** A relative name that stays inside the package: what any returned name must be. */
  static boolean safe(String name) {
    boolean drive =
        name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0));
    return !name.startsWith("/")
        && !drive
        && !name.contains("\\")
        && Arrays.stream(name.split("/", -1)).noneMatch(".."::equals);
  }

  /**
   * What the reader must return for these entries written as a tar.gz: the reason it refuses them
   * (a String), or the package (a {@link PackageReader.Contents}). Checks run in the reader's
   * order: entry count, name and type, size of a wanted entry, total bytes read, a second XML.
   */
  static Object expected(List<Entry> entries) {
    long read = 0;
    int count = 0;
    String xmlName = null;
    byte[] xml = null;
    Map<String, byte[]> images = new LinkedHashMap<>();
    for (Entry e : entries) {
      read += 512 + (e.name().length() > 90 ? 2048 : 0); // a header, a PAX header for long names
      if (++count > LIMITS.maxEntries()) {
        return "archive-too-large";
      }
      if (!safe(e.name()) || e.isLink()) {
        return "unsafe-archive-entry";
      }
      if (e.name().endsWith("/")) {
        continue;
      }
      String base = e.name().substring(e.name().lastIndexOf('/') + 1);
      boolean isXml = base.endsWith(".xml") || base.endsWith(".nxml");
      boolean wanted = isXml || ImageFiles.isImage(base);
      if (wanted && e.size() > LIMITS.maxEntryBytes()) {
        return "archive-too-large";
      }
      read += (e.size() + 511) / 512 * 512;
      if (read > LIMITS.maxTotalBytes()) {
        return "archive-too-large";
      }
      if (isXml && xml != null) {
        return "several-xml";
      } else if (isXml) {
        xmlName = e.name();
        xml = e.data();
      } else if (wanted) {
        images.put(base, e.data());
      }
    }
    return xml == null ? "no-xml" : new PackageReader.Contents(xmlName, xml, images);
  }
}
