package org.figstream.connectors.feed.local;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.figstream.processors.api.ImageFiles;

/**
 * Reads a legacy {@code PMCn.tar.gz} package in memory: its one XML and its images. Nothing is ever
 * written to disk, so no entry name can point outside the data directory; names that try to
 * (absolute, {@code ..}), links and device entries make the whole package suspect and it is
 * refused.
 */
final class PackageReader {

  /** What a package holds that figstream needs. */
  record Contents(String xmlName, byte[] xml, Map<String, byte[]> images) {}

  private final ArchiveLimits limits;

  PackageReader(ArchiveLimits limits) {
    this.limits = limits;
  }

  Contents read(Path file) throws UnusableInputException {
    try (CountingStream counted =
            new CountingStream(
                // every member, as gunzip reads them: a tar split across members is whole
                new GzipCompressorInputStream(
                    new java.io.BufferedInputStream(Files.newInputStream(file)), true),
                limits.maxTotalBytes());
        TarArchiveInputStream tar = new TarArchiveInputStream(counted)) {
      String xmlName = null;
      byte[] xml = null;
      Map<String, byte[]> images = new LinkedHashMap<>();
      int entries = 0;
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (++entries > limits.maxEntries()) {
          throw new UnusableInputException(
              "archive-too-large", file + " has more than " + limits.maxEntries() + " entries");
        }
        checkSafe(file, e);
        if (e.isDirectory()) {
          continue;
        }
        String base = e.getName().substring(e.getName().lastIndexOf('/') + 1);
        boolean isXml = base.endsWith(".xml") || base.endsWith(".nxml");
        if (!isXml && !ImageFiles.isImage(base)) {
          continue; // PDFs, supplements: not needed for pairs, read past (and counted)
        }
        byte[] bytes = readEntry(tar, file, e);
        if (isXml) {
          if (xml != null) {
            throw new UnusableInputException(
                "several-xml", file + " holds several XML files: " + xmlName + ", " + e.getName());
          }
          xmlName = e.getName();
          xml = bytes;
        } else {
          images.put(base, bytes);
        }
      }
      if (xml == null) {
        throw new UnusableInputException("no-xml", file + " holds no article XML");
      }
      return new Contents(xmlName, xml, images);
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof LimitExceeded) {
          throw new UnusableInputException(
              "archive-too-large",
              file
                  + " decompresses to more than "
                  + limits.maxTotalBytes()
                  + " bytes; stopped reading there");
        }
      }
      throw new UnusableInputException(
          "corrupt-archive", file + " is not a readable tar.gz: " + e.getMessage());
    }
  }

  private void checkSafe(Path file, TarArchiveEntry e) throws UnusableInputException {
    String name = e.getName();
    if (name.startsWith("/")
        || name.matches("(?s)[A-Za-z]:.*") // (?s): "C:\n..." is refused too
        || name.contains("\\")
        || ("/" + name + "/").contains("/../")) {
      throw new UnusableInputException(
          "unsafe-archive-entry", file + " has an entry whose path leaves the package: " + name);
    }
    if (e.isSymbolicLink() || e.isLink()) {
      throw new UnusableInputException(
          "unsafe-archive-entry", file + " has a link entry: " + name + " -> " + e.getLinkName());
    }
    if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      throw new UnusableInputException(
          "unsafe-archive-entry", file + " has a device or pipe entry: " + name);
    }
  }

  private byte[] readEntry(InputStream in, Path file, TarArchiveEntry e)
      throws IOException, UnusableInputException {
    if (e.getSize() > limits.maxEntryBytes()) {
      throw new UnusableInputException(
          "archive-too-large",
          file
              + ": entry "
              + e.getName()
              + " is "
              + e.getSize()
              + " bytes, over the limit of "
              + limits.maxEntryBytes());
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.max(0, Math.min(e.getSize(), 1 << 20)));
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      if (out.size() > limits.maxEntryBytes()) {
        throw new UnusableInputException(
            "archive-too-large",
            file + ": entry " + e.getName() + " exceeds " + limits.maxEntryBytes() + " bytes");
      }
    }
    return out.toByteArray();
  }

  /** Thrown when the decompressed stream passes its limit. */
  private static final class LimitExceeded extends IOException {
    LimitExceeded() {
      super("decompressed size limit exceeded");
    }
  }

  /** Counts the decompressed bytes and stops at the limit: the guard against gzip bombs. */
  private static final class CountingStream extends FilterInputStream {
    private final long limit;
    private long count;

    CountingStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && ++count > limit) {
        throw new LimitExceeded();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && (count += n) > limit) {
        throw new LimitExceeded();
      }
      return n;
    }
  }
}
