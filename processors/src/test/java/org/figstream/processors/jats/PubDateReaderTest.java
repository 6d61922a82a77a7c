package org.figstream.processors.jats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.records.Article.PubDate;
import org.junit.jupiter.api.Test;

/** pub-date markup from NLM 2.3 to JATS 1.4, parsed the way the extractor parses it. */
class PubDateReaderTest {

  @Test
  void shouldReadFullDate() throws XMLStreamException {
    assertThat(
            read(
                "<pub-date pub-type=\"epub\">\n  <day>27</day>\n  <month>9</month>\n  <year>2012</year>\n</pub-date>"))
        .isEqualTo(new PubDate("epub", null, "2012-09-27", "27 9 2012", null));
  }

  @Test
  void shouldReadYearAndMonth() throws XMLStreamException {
    assertThat(read("<pub-date pub-type=\"ppub\"><month>10</month><year>2012</year></pub-date>"))
        .isEqualTo(new PubDate("ppub", null, "2012-10", "10 2012", null));
  }

  @Test
  void shouldReadYearOnly() throws XMLStreamException {
    assertThat(read("<pub-date pub-type=\"collection\"><year>2012</year></pub-date>"))
        .isEqualTo(new PubDate("collection", null, "2012", "2012", null));
  }

  @Test
  void shouldKeepSeasonBesideTheYear() throws XMLStreamException {
    assertThat(
            read("<pub-date pub-type=\"ppub\"><season>Spring</season><year>2010</year></pub-date>"))
        .isEqualTo(new PubDate("ppub", null, "2010", "Spring 2010", "Spring"));
    assertThat(
            read(
                "<pub-date pub-type=\"ppub\"><season>Jan-Feb</season><year>2009</year></pub-date>"))
        .isEqualTo(new PubDate("ppub", null, "2009", "Jan-Feb 2009", "Jan-Feb"));
  }

  @Test
  void shouldReadTextualMonths() throws XMLStreamException {
    assertThat(
            read(
                "<pub-date pub-type=\"epub\"><day>3</day><month>Jan</month><year>2014</year></pub-date>"))
        .isEqualTo(new PubDate("epub", null, "2014-01-03", "3 Jan 2014", null));
    assertThat(
            read("<pub-date pub-type=\"epub\"><month>September</month><year>2014</year></pub-date>")
                .iso())
        .isEqualTo("2014-09");
    assertThat(
            read("<pub-date pub-type=\"epub\"><month>Sept</month><year>2014</year></pub-date>")
                .iso())
        .isEqualTo("2014-09");
    assertThat(
            read("<pub-date pub-type=\"epub\"><month>DEC</month><year>2014</year></pub-date>")
                .iso())
        .isEqualTo("2014-12");
  }

  @Test
  void shouldReadLeapDay() throws XMLStreamException {
    assertThat(
            read("<pub-date pub-type=\"epub\"><day>29</day><month>2</month><year>2012</year></pub-date>")
                .iso())
        .isEqualTo("2012-02-29");
  }

  @Test
  void shouldReadPmcReleaseDate() throws XMLStreamException {
    assertThat(
            read(
                "<pub-date pub-type=\"pmc-release\"><day>01</day><month>03</month><year>2013</year></pub-date>"))
        .isEqualTo(new PubDate("pmc-release", null, "2013-03-01", "01 03 2013", null));
  }

  @Test
  void shouldReadDateTypeAndPublicationFormat() throws XMLStreamException {
    assertThat(
            read(
                "<pub-date date-type=\"pub\" publication-format=\"electronic\" iso-8601-date=\"2019-06-05\">"
                    + "<day>05</day><month>06</month><year>2019</year></pub-date>"))
        .isEqualTo(new PubDate("pub", "electronic", "2019-06-05", "05 06 2019", null));
    assertThat(
            read(
                "<pub-date date-type=\"collection\" publication-format=\"print\"><year>2019</year></pub-date>"))
        .isEqualTo(new PubDate("collection", "print", "2019", "2019", null));
  }

  @Test
  void shouldPreferPubTypeOverDateType() throws XMLStreamException {
    assertThat(
            read("<pub-date pub-type=\"epub\" date-type=\"pub\"><year>2020</year></pub-date>")
                .type())
        .isEqualTo("epub");
  }

  @Test
  void shouldFallBackToIsoAttributeForStringDate() throws XMLStreamException {
    assertThat(
            read(
                "<pub-date pub-type=\"epub\" iso-8601-date=\"2019-06-05\"><string-date>June 5, 2019</string-date>"
                    + "</pub-date>"))
        .isEqualTo(new PubDate("epub", null, "2019-06-05", "June 5, 2019", null));
  }

  @Test
  void shouldLeaveOutPartsThatAreNotValid() throws XMLStreamException {
    assertThat(
            read(
                "<pub-date pub-type=\"epub\"><day>12</day><month>13</month><year>2012</year></pub-date>"))
        .isEqualTo(new PubDate("epub", null, "2012", "12 13 2012", null));
    assertThat(
            read("<pub-date pub-type=\"epub\"><day>32</day><month>5</month><year>2012</year></pub-date>")
                .iso())
        .isEqualTo("2012-05");
    assertThat(
            read("<pub-date pub-type=\"epub\"><day>30</day><month>2</month><year>2012</year></pub-date>")
                .iso())
        .isEqualTo("2012-02");
    assertThat(
            read("<pub-date pub-type=\"epub\"><day>31</day><month>4</month><year>2012</year></pub-date>")
                .iso())
        .isEqualTo("2012-04");
    assertThat(
            read("<pub-date pub-type=\"epub\"><day>29</day><month>2</month><year>2013</year></pub-date>")
                .iso())
        .isEqualTo("2013-02");
    assertThat(read("<pub-date pub-type=\"epub\"><day>4</day><year>2012</year></pub-date>").iso())
        .isEqualTo("2012");
    assertThat(read("<pub-date pub-type=\"epub\"><month>5</month><year>in press</year></pub-date>"))
        .isEqualTo(new PubDate("epub", null, null, "5 in press", null));
  }

  @Test
  void shouldReadEmptyPubDate() throws XMLStreamException {
    assertThat(read("<pub-date/>")).isEqualTo(new PubDate(null, null, null, null, null));
  }

  private static PubDate read(String xml) throws XMLStreamException {
    XMLStreamReader reader = new SecureXmlInput().open(xml.getBytes(UTF_8));
    reader.nextTag();
    return PubDateReader.read(SubtreeReader.capture(reader));
  }
}
