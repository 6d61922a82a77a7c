package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.figstream.processors.api.ExtractionException;

/** Small hand-written JATS documents and the failure they must end in, for the bad-input tests. */
final class TestDocuments {
  private TestDocuments() {}

  /**
   * A minimal article keyed by DOI with one figure ({@code f1}, graphic {@code f1}) whose caption
   * paragraph is {@code caption}, taken as raw markup; {@code doctype} goes after the XML
   * declaration.
   */
  static String article(String doctype, String caption) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + doctype
        + "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\"><front><article-meta>"
        + "<article-id pub-id-type=\"doi\">10.1234/hostile.1</article-id></article-meta></front>"
        + "<body><fig id=\"f1\"><label>Figure 1</label><caption><p>"
        + caption
        + "</p></caption>"
        + "<graphic xlink:href=\"f1\"/></fig></body></article>";
  }

  /** A DOCTYPE of ten levels of entities, ten references each: {@code &lol9;} is 10^9 "lol"s. */
  static String billionLaughs() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE article [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10))
          .append("\">");
    }
    return dtd.append("]>").toString();
  }

  /**
   * The typed error extracting {@code xml} ends in; fails the test on success or any other
   * throwable.
   */
  static ExtractionException failure(JatsExtractor extractor, byte[] xml) {
    ExtractionException e =
        catchThrowableOfType(ExtractionException.class, () -> extractor.extract(xml, List.of()));
    assertThat(e).as("expected a typed ExtractionException").isNotNull();
    return e;
  }
}
