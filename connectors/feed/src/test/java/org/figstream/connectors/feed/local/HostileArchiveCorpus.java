package org.figstream.connectors.feed.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.figstream.connectors.feed.local.ArchiveModel.Entry;

/**
 * Writes the packages of {@code src/test/resources/hostile/archives} with {@link ArchiveModel}'s
 * tar and gzip writers (fixed owner and times, so the output is the same on every run). Bombs are
 * sized against {@link ArchiveModel#LIMITS}, the small limits the corpus test reads with, so the
 * files stay a few KB.
 */
public final class HostileArchiveCorpus {
  private HostileArchiveCorpus() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/hostile/archives");
    for (Map.Entry<String, byte[]> file : files().entrySet()) {
      Files.write(dir.resolve(file.getKey()), file.getValue());
    }
  }

  static Map<String, byte[]> files() {
    List<Entry> plain =
        List.of(
            Entry.file("PMC1/article.nxml", jats()),
            Entry.file("PMC1/fig1.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            Entry.file("PMC1/article.pdf", "%PDF-1.4".getBytes(UTF_8)));
    byte[] whole = ArchiveModel.tarGz(plain);
    Map<String, byte[]> f = new LinkedHashMap<>();
    f.put("plain.tar.gz", whole);
    f.put("dot-dot-name.tar.gz", with(plain, Entry.file("PMC1/../../escaped.jpg", new byte[4])));
    f.put("dot-dot-only.tar.gz", with(plain, Entry.file("../escaped.jpg", new byte[4])));
    f.put(
        "absolute-name.tar.gz", with(plain, Entry.file("/tmp/figstream-escaped.jpg", new byte[4])));
    f.put("drive-letter-name.tar.gz", with(plain, Entry.file("C:/escaped.jpg", new byte[4])));
    f.put(
        "backslash-name.tar.gz", with(plain, Entry.file("PMC1\\..\\..\\escaped.jpg", new byte[4])));
    f.put(
        "symlink-out.tar.gz",
        with(plain, Entry.link("PMC1/fig2.jpg", "/etc/passwd", TarArchiveEntry.LF_SYMLINK)));
    f.put(
        "symlink-up.tar.gz",
        with(plain, Entry.link("PMC1/up", "../..", TarArchiveEntry.LF_SYMLINK)));
    f.put(
        "hardlink-out.tar.gz",
        with(plain, Entry.link("PMC1/fig2.jpg", "../../etc/passwd", TarArchiveEntry.LF_LINK)));
    f.put("gzip-bomb.tar.gz", with(plain, Entry.zeros("PMC1/supplement.pdf", 8L << 20)));
    f.put("gzip-bomb-image.tar.gz", with(plain, Entry.zeros("PMC1/fig2.png", 1L << 20)));
    List<Entry> many = new ArrayList<>(plain);
    for (int i = 0; i < 1_000; i++) {
      many.add(Entry.file("PMC1/s" + i + ".txt", new byte[0]));
    }
    f.put("tar-bomb.tar.gz", ArchiveModel.tarGz(many));
    f.put("several-xml.tar.gz", with(plain, Entry.file("PMC1/second.xml", jats())));
    f.put("no-xml.tar.gz", ArchiveModel.tarGz(plain.subList(1, 3)));
    f.put("truncated.tar.gz", Arrays.copyOf(whole, whole.length / 2));
    f.put("plain-tar.tar.gz", ArchiveModel.tar(plain));
    f.put("zero-byte.tar.gz", new byte[0]);
    return f;
  }

  private static byte[] with(List<Entry> plain, Entry extra) {
    List<Entry> entries = new ArrayList<>(plain);
    entries.add(extra);
    return ArchiveModel.tarGz(entries);
  }

  private static byte[] jats() {
    return ("<?xml version=\"1.0\"?><article><front><article-meta><title-group><article-title>"
            + "A package</article-title></title-group></article-meta></front><body>"
            + "<fig id=\"f1\"><graphic xlink:href=\"fig1\"/></fig></body></article>")
        .getBytes(UTF_8);
  }
}
