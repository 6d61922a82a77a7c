package org.figstream.connectors.feed.pubmed;

import static org.figstream.connectors.feed.pubmed.XmlText.attribute;
import static org.figstream.connectors.feed.pubmed.XmlText.flatten;
import static org.figstream.connectors.feed.pubmed.XmlText.yes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.records.PubmedRecord.Chemical;
import org.figstream.records.PubmedRecord.Grant;
import org.figstream.records.PubmedRecord.MeshHeading;
import org.figstream.records.PubmedRecord.Qualifier;
import org.figstream.records.PubmedRecord.Reference;

/**
 * The small structures of a citation, each read from its start tag through its end tag. Attributes
 * are taken before the text, since reading the text moves the reader past the start tag.
 */
final class CitationParts {
  private CitationParts() {}

  static MeshHeading meshHeading(XMLStreamReader r) throws XMLStreamException {
    String[] descriptor = new String[2];
    boolean[] major = new boolean[1];
    List<Qualifier> qualifiers = new ArrayList<>();
    XmlText.children(
        r,
        name -> {
          boolean isMajor = yes(r, "MajorTopicYN");
          String ui = attribute(r, "UI");
          if (name.equals("DescriptorName")) {
            descriptor[1] = ui;
            major[0] = isMajor;
            descriptor[0] = flatten(r);
          } else if (name.equals("QualifierName")) {
            qualifiers.add(new Qualifier(flatten(r), ui, isMajor));
          } else {
            return false;
          }
          return true;
        });
    return new MeshHeading(descriptor[0], descriptor[1], major[0], qualifiers);
  }

  static Chemical chemical(XMLStreamReader r) throws XMLStreamException {
    String[] fields = new String[3]; // name, registry number, UI
    XmlText.children(
        r,
        name -> {
          if (name.equals("NameOfSubstance")) {
            fields[2] = attribute(r, "UI");
            fields[0] = flatten(r);
          } else if (name.equals("RegistryNumber")) {
            fields[1] = flatten(r);
          } else {
            return false;
          }
          return true;
        });
    return new Chemical(fields[0], fields[1], fields[2]);
  }

  static Grant grant(XMLStreamReader r) throws XMLStreamException {
    String[] fields = new String[3]; // id, agency, country
    XmlText.children(
        r,
        name -> {
          int at = List.of("GrantID", "Agency", "Country").indexOf(name);
          if (at < 0) {
            return false;
          }
          fields[at] = flatten(r);
          return true;
        });
    return new Grant(fields[0], fields[1], fields[2]);
  }

  static Reference reference(XMLStreamReader r) throws XMLStreamException {
    String[] fields = new String[3]; // citation, pmid, doi
    XmlText.children(
        r,
        name -> {
          if (name.equals("Citation")) {
            fields[0] = flatten(r);
            return true;
          }
          if (!name.equals("ArticleIdList")) {
            return false;
          }
          XmlText.children(
              r,
              id -> {
                String type = attribute(r, "IdType");
                String value = flatten(r);
                if ("pubmed".equals(type)) {
                  fields[1] = value;
                } else if ("doi".equals(type)) {
                  fields[2] = value;
                }
                return true;
              });
          return true;
        });
    return new Reference(fields[0], fields[1], fields[2]);
  }

  static LocalDate date(XMLStreamReader r, String which, String pmid) throws XMLStreamException {
    String[] ymd = new String[3];
    XmlText.children(
        r,
        name -> {
          int at = List.of("Year", "Month", "Day").indexOf(name);
          if (at < 0) {
            return false;
          }
          ymd[at] = flatten(r);
          return true;
        });
    if (ymd[0] == null) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(ymd[0]), month(ymd[1]), ymd[2] == null ? 1 : Integer.parseInt(ymd[2]));
    } catch (NumberFormatException | DateTimeException e) {
      throw new PubmedXmlException(
          PubmedXmlException.Kind.MALFORMED,
          which
              + " "
              + String.join("-", ymd[0], ymd[1], ymd[2])
              + " of PMID "
              + pmid
              + " is not a date",
          e);
    }
  }

  /** Numeric in these dates per the DTD; older records spell it out (Jan), so both are read. */
  private static int month(String month) {
    if (month == null) {
      return 1;
    }
    if (Character.isDigit(month.charAt(0))) {
      return Integer.parseInt(month);
    }
    return Month.from(DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH).parse(month)).getValue();
  }
}
