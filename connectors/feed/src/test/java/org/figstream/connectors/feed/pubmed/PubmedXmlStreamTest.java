package org.figstream.connectors.feed.pubmed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.figstream.connectors.feed.pubmed.PubmedXmlParserTest.resource;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.figstream.connectors.feed.pubmed.PubmedXmlException.Kind;
import org.figstream.records.PubmedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming reader: one citation at a time, with the same checks and errors as parse. */
class PubmedXmlStreamTest {
  private static final String REAL = "pubmed-29768149.xml";

  private final PubmedXmlParser parser = new PubmedXmlParser();

  @TempDir Path dir;

  @Test
  void readsALargeUpdateFileOneCitationAtATimeWithoutReadingAhead() throws IOException {
    int count = 2_500;
    Path gz = dir.resolve("built-update.xml.gz");
    long xmlBytes = BuiltUpdateFile.write(gz, count);
    long perArticle = BuiltUpdateFile.article().getBytes(UTF_8).length;
    assertThat(xmlBytes).isGreaterThan(100L * 1024 * 1024);

    List<String> pmids = new ArrayList<>(count);
    List<DeletedCitation> deletions = new ArrayList<>();
    long mostAhead = 0;
    try (Counting in = new Counting(new GZIPInputStream(Files.newInputStream(gz), 1 << 16));
        PubmedXmlReader reader = parser.stream(in)) {
      for (Object item; (item = reader.next()) != null; ) {
        if (item instanceof PubmedRecord r) {
          pmids.add(r.pmid());
          assertThat(r.pmcid())
              .isEqualTo(BuiltUpdateFile.inPmc(pmids.size() - 1) ? "PMC5442267" : null);
          // what was inflated beyond the citations given so far
          mostAhead = Math.max(mostAhead, in.count - pmids.size() * perArticle);
        } else {
          deletions.add((DeletedCitation) item);
        }
      }
    }

    assertThat(pmids).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(pmids.get(i)).isEqualTo(BuiltUpdateFile.pmid(i));
    }
    assertThat(deletions)
        .containsExactly(
            new DeletedCitation(BuiltUpdateFile.DELETED_1, 1),
            new DeletedCitation(BuiltUpdateFile.DELETED_2, 1));
    // never more than a buffer or two ahead of the citation it gives (the file is > 100 MB)
    assertThat(mostAhead).isLessThan(1024 * 1024);
  }

  @Test
  void givesTheSameItemsAndErrorKindsAsParse() {
    byte[] real = resource(REAL);
    List<byte[]> inputs =
        List.of(
            real,
            Arrays.copyOf(real, real.length / 2),
            bytes(""),
            bytes(" \n\t "),
            bytes("Service unavailable"),
            bytes("  \n  Service unavailable"),
            bytes("\uFEFF<PubmedArticleSet></PubmedArticleSet>"),
            bytes("\uFEFFoops"),
            bytes("<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>"),
            bytes("<pmc-articleset><article/></pmc-articleset>"),
            bytes("<PubmedArticleSet><ERROR>Too many UIDs</ERROR></PubmedArticleSet>"),
            bytes("<eFetchResult><ERROR>Empty id list</ERROR></eFetchResult>"),
            bytes("<PubmedArticleSet></PubmedArticleSet><garbage"),
            bytes(
                "<PubmedArticleSet><DeleteCitation><PMID Version=\"2\">5</PMID><X/><PMID>6</PMID>"
                    + "</DeleteCitation></PubmedArticleSet>"));

    for (byte[] xml : inputs) {
      PubmedArticleSet parsed = null;
      Kind parseKind = null;
      try {
        parsed = parser.parse(xml);
      } catch (PubmedXmlException e) {
        parseKind = e.kind();
      }
      List<Object> streamed = new ArrayList<>();
      Kind streamKind = null;
      try (PubmedXmlReader reader = parser.stream(new ByteArrayInputStream(xml))) {
        for (Object item; (item = reader.next()) != null; ) {
          streamed.add(item);
        }
      } catch (PubmedXmlException e) {
        streamKind = e.kind();
      }
      String as = new String(xml, 0, Math.min(xml.length, 80), UTF_8);
      assertThat(streamKind).as(as).isEqualTo(parseKind);
      if (parsed != null) {
        List<Object> expected = new ArrayList<>(parsed.records());
        expected.addAll(parsed.deletions());
        assertThat(streamed).as(as).isEqualTo(expected);
      }
    }
  }

  @Test
  void refusesAStreamOverItsLimit() {
    PubmedXmlException tooLarge =
        catchThrowableOfType(
            PubmedXmlException.class,
            () -> {
              try (PubmedXmlReader reader =
                  new PubmedXmlParser(1000).stream(new ByteArrayInputStream(resource(REAL)))) {
                while (reader.next() != null) {
                  // drain
                }
              }
            });

    assertThat(tooLarge).isNotNull();
    assertThat(tooLarge.kind()).isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void closesItsStreamAtTheEndOnAnErrorAndWhenClosedEarly() {
    AtomicBoolean atEnd = new AtomicBoolean();
    PubmedXmlReader whole = parser.stream(closing(resource(REAL), atEnd));
    while (whole.next() != null) {
      // drain
    }
    assertThat(atEnd).isTrue();

    AtomicBoolean onError = new AtomicBoolean();
    PubmedXmlReader bad = parser.stream(closing(bytes("<html/>"), onError));
    catchThrowableOfType(PubmedXmlException.class, bad::next);
    assertThat(onError).isTrue();
    assertThat(bad.next()).isNull();

    AtomicBoolean early = new AtomicBoolean();
    PubmedXmlReader cancelled = parser.stream(closing(resource(REAL), early));
    cancelled.close();
    assertThat(early).isTrue();
    assertThat(cancelled.next()).isNull();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  private static InputStream closing(byte[] bytes, AtomicBoolean closed) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public void close() {
        closed.set(true);
      }
    };
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
