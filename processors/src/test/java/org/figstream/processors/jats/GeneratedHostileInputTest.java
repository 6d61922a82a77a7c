package org.figstream.processors.jats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.hostile.LoopbackListener;
import org.figstream.processors.hostile.NoNewFiles;

/**
 * Generated hostile JATS, 10,000 cases a run from a fixed seed: a small article truncated at any
 * byte, with any byte replaced, with an attack fragment (external DTDs and entities pointing at a
 * loopback listener, entity declarations and references, CDATA, NUL, other encodings, stray tags)
 * inserted at any byte, behind byte-order marks, nested deeply, or plain noise. Every case ends in
 * extracted articles or a typed {@link ExtractionException} with a message, within a second, and
 * the listener is never connected to, nor any file written to java.io.tmpdir or the working
 * directory.
 */
class GeneratedHostileInputTest {
  private static final LoopbackListener LISTENER = new LoopbackListener();
  private static final String DTD_URL = "http://127.0.0.1:" + LISTENER.port() + "/jats.dtd";
  private static NoNewFiles files;
  private static final byte[] BASE =
      TestDocuments.article(
              "",
              "Panels <italic>A</italic> and <bold>B</bold> &amp; <xref ref-type=\"fig\""
                  + " rid=\"f1\">1</xref>.")
          .getBytes(UTF_8);
  private static final List<String> FRAGMENTS =
      List.of(
          "<!DOCTYPE article SYSTEM \"" + DTD_URL + "\">",
          "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS\" \"" + DTD_URL + "\">",
          "<!DOCTYPE a [<!ENTITY x SYSTEM \"" + DTD_URL + "\">]>",
          "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
          "<!DOCTYPE a [<!ENTITY % p SYSTEM \"" + DTD_URL + "\"> %p;]>",
          "<!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
              + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
          "&x;",
          "&c;",
          "&#0;",
          "&#xD800;",
          "<![CDATA[",
          "]]>",
          "<",
          "&",
          "\u0000",
          "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
          "<?xml version=\"1.0\" encoding=\"EBCDIC-CP-US\"?>",
          "<?xml-stylesheet href=\"" + DTD_URL + "\"?>",
          "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + DTD_URL + "\"/>",
          "</article>",
          "<article>",
          "<fig id=\"f1\">",
          "\uFEFF",
          "\u00e9\u4e2d");
  private static final List<byte[]> MARKS =
      List.of(
          new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
          new byte[] {(byte) 0xFE, (byte) 0xFF},
          new byte[] {(byte) 0xFF, (byte) 0xFE},
          new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
          new byte[] {(byte) 0xEF, (byte) 0xBB});

  private final JatsExtractor extractor = new JatsExtractor();

  @Property(tries = 10_000, seed = "20261204")
  void shouldEndInArticlesOrATypedErrorQuickly(@ForAll("hostileDocuments") byte[] xml) {
    long started = System.nanoTime();
    try {
      assertThat(extractor.extract(xml, List.of("f1"))).isNotNull();
    } catch (ExtractionException e) {
      assertThat(e.kind()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
    }
    assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(1_000);
  }

  @BeforeContainer
  static void snapshotFiles() {
    files = NoNewFiles.snapshot();
  }

  @AfterContainer
  static void shouldNeverHaveConnectedNorWritten() throws IOException {
    LISTENER.close();
    assertThat(LISTENER.connections()).as("connections to the loopback listener").isZero();
    files.assertNoneSince();
  }

  @Provide
  Arbitrary<byte[]> hostileDocuments() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, BASE.length);
    return Arbitraries.frequencyOf(
        Tuple.of(20, at.map(p -> Arrays.copyOf(BASE, p))),
        Tuple.of(
            20,
            Combinators.combine(at.filter(p -> p < BASE.length), Arbitraries.bytes())
                .as(GeneratedHostileInputTest::replaced)),
        Tuple.of(
            40,
            Combinators.combine(at, Arbitraries.of(FRAGMENTS))
                .as((p, f) -> inserted(p, f.getBytes(UTF_8)))),
        Tuple.of(5, Arbitraries.of(MARKS).map(m -> concat(m, BASE))),
        Tuple.of(
            5, Arbitraries.integers().between(1, 20_000).map(GeneratedHostileInputTest::nested)),
        Tuple.of(10, Arbitraries.bytes().array(byte[].class).ofMaxSize(1024)));
  }

  private static byte[] replaced(int at, byte value) {
    byte[] copy = BASE.clone();
    copy[at] = value;
    return copy;
  }

  private static byte[] inserted(int at, byte[] fragment) {
    return concat(Arrays.copyOf(BASE, at), fragment, Arrays.copyOfRange(BASE, at, BASE.length));
  }

  private static byte[] nested(int depth) {
    String caption = "<sec>".repeat(depth) + "deep" + "</sec>".repeat(depth);
    return TestDocuments.article("", caption).getBytes(UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}
