package org.figstream.processors.jats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.figstream.processors.jats.TestDocuments.article;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionException.Kind;
import org.figstream.processors.testdata.SampleArticles;
import org.junit.jupiter.api.Test;

/** Broken input (cut, corrupt, not XML at all) ends in the right kind of error, saying where. */
class MalformedInputTest {
  private final JatsExtractor extractor = new JatsExtractor();

  @Test
  void shouldReportMismatchedTagsAsMalformedWithLineAndColumn() {
    ExtractionException e = failure("<article>\n  <front>\n  </article>".getBytes(UTF_8));

    assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(e)
        .hasMessage(
            "MALFORMED: not well-formed XML at line 3, column 11: Unexpected close tag"
                + " </article>; expected </front>.");
  }

  @Test
  void shouldReportSecondRootElementAsMalformed() {
    ExtractionException e = failure("<a>x</a><b/>".getBytes(UTF_8));

    assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(e)
        .hasMessage(
            "MALFORMED: not well-formed XML at line 1, column 10: Illegal to have multiple"
                + " roots (start tag in epilog?).");
  }

  @Test
  void shouldReportRealArticleCutInHalfAsTruncated() {
    byte[] xml = SampleArticles.article("elife-46472-v3").xml();

    ExtractionException e = failure(Arrays.copyOf(xml, xml.length / 2));

    assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
    assertThat(e)
        .hasMessage(
            "TRUNCATED: document ends early at line 1, column 103889: Unexpected EOF; was"
                + " expecting a close tag for element <p>");
  }

  @Test
  void shouldReportRealArticleCutInsideAMultiByteCharacterAsTruncated() {
    byte[] xml = SampleArticles.article("elife-46793-v1").xml();
    int lead = xml.length / 2;
    while ((xml[lead] & 0xF0) != 0xE0) { // the first byte of a three-byte character
      lead++;
    }

    ExtractionException e = failure(Arrays.copyOf(xml, lead + 1));

    assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
    assertThat(e.getMessage())
        .startsWith(
            "TRUNCATED: document ends early at line 1, column 264095: Unexpected"
                + " EOF in the middle of a multi-byte char: got 1, needed 3");
  }

  @Test
  void shouldReportDocumentEndingInTheXmlDeclarationAsTruncated() {
    assertThat(failure("<?xml version=\"1.0\"?>".getBytes(UTF_8)))
        .hasMessage(
            "TRUNCATED: document ends early at line 1, column 21: Unexpected EOF in prolog");
  }

  @Test
  void shouldReportImageBytesAsNotXml() throws IOException {
    byte[] jpeg = Files.readAllBytes(SampleArticles.root().resolve("elife-30274-v1/fig1.jpg"));
    byte[] tiff =
        Files.readAllBytes(SampleArticles.root().resolve("elife-19405/elife-19405-fig1.tif"));

    assertThat(failure(jpeg))
        .returns(Kind.NOT_XML, ExtractionException::kind)
        .hasMessage(
            "NOT_XML: the document does not start with '<' (first byte 0xff); it is not XML");
    assertThat(failure(tiff))
        .returns(Kind.NOT_XML, ExtractionException::kind)
        .hasMessage(
            "NOT_XML: the document does not start with '<' (first byte 0x4d); it is not XML");
  }

  @Test
  void shouldReportEmptyAndWhitespaceOnlyInputAsEmpty() {
    assertThat(failure(new byte[0]))
        .returns(Kind.EMPTY, ExtractionException::kind)
        .hasMessage("EMPTY: the document is empty (0 bytes)");
    assertThat(failure(null))
        .returns(Kind.EMPTY, ExtractionException::kind)
        .hasMessage("EMPTY: the document is empty (0 bytes)");
    assertThat(failure(" \n\t\r\n ".getBytes(UTF_8)))
        .returns(Kind.EMPTY, ExtractionException::kind)
        .hasMessage("EMPTY: the document holds only white space");
    assertThat(failure(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'}))
        .returns(Kind.EMPTY, ExtractionException::kind)
        .hasMessage("EMPTY: the document holds only white space");
  }

  @Test
  void shouldReportBadCharacterReferencesAsMalformed() {
    ExtractionException hex = failure(article("", "Bad &#xZZ; ref").getBytes(UTF_8));
    ExtractionException nul = failure(article("", "Bad &#0; ref").getBytes(UTF_8));

    assertThat(hex.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(hex)
        .hasMessage(
            "MALFORMED: not well-formed XML at line 1, column 256: Unexpected character"
                + " 'Z' (code 90); expected a hex digit (0-9a-fA-F).");
    assertThat(nul.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(nul)
        .hasMessage(
            "MALFORMED: not well-formed XML at line 1, column 256: Invalid character"
                + " reference: null character not allowed in XML content.");
  }

  @Test
  void shouldReportDocumentsWithoutArticleAsNotAnArticle() {
    assertThat(failure("<eSearchResult><ERROR>Invalid id</ERROR></eSearchResult>".getBytes(UTF_8)))
        .returns(Kind.NOT_AN_ARTICLE, ExtractionException::kind)
        .hasMessage("NOT_AN_ARTICLE: the document is a service error, not an article: Invalid id");
    assertThat(failure("<pmc-articleset></pmc-articleset>".getBytes(UTF_8)))
        .hasMessage("NOT_AN_ARTICLE: no <article> element in the document");
  }

  private ExtractionException failure(byte[] xml) {
    return TestDocuments.failure(extractor, xml);
  }
}
