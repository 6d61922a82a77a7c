package org.figstream.connectors.feed.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.figstream.connectors.feed.local.ArchiveModel.LIMITS;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.figstream.connectors.feed.local.ArchiveModel.Entry;

/** Generators of packages for {@link GeneratedHostileArchiveTest}: entry lists, then the wire. */
final class HostileArchives {
  /** How the entries reach the reader. */
  enum Wire {
    GZIP,
    CONCATENATED,
    TRUNCATED,
    REPLACED,
    TAR_BYTE_REPLACED,
    SPLIT,
    LYING_SIZE,
    PLAIN_TAR,
    EMPTY,
    RANDOM
  }

  /** A generated package: its entries, how they are put on the wire, and where to mutate it. */
  record Case(String label, List<Entry> entries, Wire wire, int at, int value, byte[] noise) {
    @Override
    public String toString() {
      return wire + " " + label + " at=" + at + " value=" + value + " " + entries;
    }
  }

  private static final List<String> ODD =
      List.of(
          ".",
          "",
          "...",
          "..a",
          "a..",
          ". .",
          "-",
          "~",
          "$HOME",
          "%2e%2e",
          "COM1",
          "a:b",
          "a b",
          "ünï",
          "中文",
          "line\nbreak",
          "tab\t",
          "\r",
          "\u2028",
          "*?<>|",
          "x".repeat(120),
          "' \"");
  private static final List<String> EXTENSIONS =
      List.of(".jpg", ".PNG", ".gif", ".tif", ".pdf", ".txt", "", ".xml.bak", ".jpeg");
  private static final List<String> OUTSIDE =
      List.of("/etc/passwd", "../../etc/shadow", "PMC1/../../x", "..", "/", "C:\\Windows", "~");

  private HostileArchives() {}

  /** A small valid package: one JATS XML and one image, generated text and bytes. */
  static Arbitrary<List<Entry>> base() {
    return Combinators.combine(
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(60),
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2048),
            Arbitraries.of("PMC1/article.nxml", "PMC1/a.xml", "article.xml"))
        .as(
            (title, image, xmlName) ->
                List.of(
                    Entry.file(xmlName, jats(title)),
                    Entry.file("PMC1/fig1.jpg", image),
                    Entry.file("PMC1/article.pdf", new byte[300])));
  }

  private static byte[] jats(String title) {
    return ("<?xml version=\"1.0\"?><article><front><article-meta><title-group><article-title>"
            + title
            + "</article-title></title-group></article-meta></front><body><fig id=\"f1\">"
            + "<graphic xlink:href=\"fig1\"/></fig></body></article>")
        .getBytes(UTF_8);
  }

  /** The base package with one generated hostile or odd change to its entries. */
  static Arbitrary<Case> entries(Wire wire) {
    return base()
        .flatMap(
            b ->
                Combinators.combine(changed(b), Arbitraries.integers())
                    .as((c, at) -> new Case(c.label(), c.entries(), wire, at, 0, new byte[0])));
  }

  private static Arbitrary<Case> changed(List<Entry> b) {
    Arbitrary<String> segment = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
    Arbitrary<List<String>> path = segment.list().ofMinSize(0).ofMaxSize(6);
    Arbitrary<String> ext = Arbitraries.of(EXTENSIONS);
    Arbitrary<String> safeName =
        Combinators.combine(path, segment, ext)
            .as((p, s, e) -> String.join("/", p) + (p.isEmpty() ? "" : "/") + s + e);
    Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.just(plan("unchanged", b))),
        Tuple.of(
            12,
            Combinators.combine(path, path, ext, Arbitraries.of("..", "../.."))
                .as((p, q, e, up) -> join(p, up, q, e))
                .map(n -> inserted(b, "dot-dot", n))),
        Tuple.of(
            8,
            Combinators.combine(Arbitraries.of("/", "//", "C:", "c:/", "Z:\n", "C:\r"), safeName)
                .as(String::concat)
                .map(n -> inserted(b, "absolute", n))),
        Tuple.of(
            8,
            Combinators.combine(path, segment, ext)
                .as((p, s, e) -> String.join("\\", p) + "\\" + s + e)
                .map(n -> inserted(b, "backslash", n))),
        Tuple.of(
            12,
            Combinators.combine(Arbitraries.of(ODD).list().ofMinSize(1).ofMaxSize(4), ext)
                .as((p, e) -> String.join("/", p) + "z" + e)
                .map(n -> inserted(b, "odd-name", n))),
        Tuple.of(
            10,
            Combinators.combine(
                    safeName,
                    Arbitraries.of(OUTSIDE),
                    Arbitraries.of(TarArchiveEntry.LF_SYMLINK, TarArchiveEntry.LF_LINK))
                .as((n, t, k) -> plan("link", with(b, Entry.link(n, t, k))))),
        Tuple.of(
            10,
            Combinators.combine(Arbitraries.of(b), data)
                .as((e, d) -> plan("duplicate", with(b, Entry.file(e.name(), d))))),
        Tuple.of(
            8,
            Combinators.combine(
                    Arbitraries.of("PMC1/big.png", "PMC1/big.xml"),
                    Arbitraries.longs()
                        .between(LIMITS.maxEntryBytes() + 1, 3 * LIMITS.maxEntryBytes()))
                .as((n, s) -> plan("over-entry-limit", with(b, Entry.zeros(n, s))))),
        Tuple.of(
            6,
            Arbitraries.longs()
                .between(LIMITS.maxEntryBytes() + 1, LIMITS.maxTotalBytes() / 2)
                .map(s -> plan("big-skipped", with(b, Entry.zeros("PMC1/supplement.bin", s))))),
        Tuple.of(
            8,
            Combinators.combine(
                    Arbitraries.integers().between(100, 190),
                    Arbitraries.integers().between(2600, 4096),
                    Arbitraries.of(".dat", ".png"))
                .as((n, s, e) -> plan("tar-bomb", many(b, n, s, e)))),
        Tuple.of(
            4,
            Arbitraries.integers()
                .between(LIMITS.maxEntries() + 1, 400)
                .map(n -> plan("entry-count-bomb", many(b, n, 0, ".dat")))),
        Tuple.of(
            8,
            Combinators.combine(
                    Arbitraries.of("PMC1/supplement.bin", "PMC1/fig9.png"),
                    Arbitraries.longs()
                        .between(2 * LIMITS.maxTotalBytes(), 8 * LIMITS.maxTotalBytes()))
                .as((n, s) -> plan("gzip-bomb", with(b, Entry.zeros(n, s))))));
  }

  private static String join(List<String> p, String up, List<String> q, String ext) {
    List<String> all = new ArrayList<>(p);
    all.add(up);
    all.addAll(q);
    all.add("x" + ext);
    return String.join("/", all);
  }

  private static Case plan(String label, List<Entry> entries) {
    return new Case(label, entries, Wire.GZIP, 0, 0, new byte[0]);
  }

  private static Case inserted(List<Entry> b, String label, String name) {
    return plan(label, with(b, Entry.file(name, name.getBytes(UTF_8))));
  }

  /** The base entries with {@code extra} placed among them, where depends on its name. */
  private static List<Entry> with(List<Entry> b, Entry extra) {
    List<Entry> all = new ArrayList<>(b);
    all.add(Math.floorMod(extra.name().hashCode() + (int) extra.size(), b.size() + 1), extra);
    return all;
  }

  private static List<Entry> many(List<Entry> b, int n, int size, String ext) {
    List<Entry> all = new ArrayList<>(b);
    byte[] data = new byte[size];
    IntStream.range(0, n).forEach(i -> all.add(1, Entry.file("PMC1/s/" + i + ext, data)));
    return all;
  }
}
