package org.figstream.connectors.feed.pubmed;

import static org.figstream.connectors.feed.pubmed.XmlText.attribute;
import static org.figstream.connectors.feed.pubmed.XmlText.flatten;
import static org.figstream.connectors.feed.pubmed.XmlText.yes;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.records.PubmedRecord;
import org.figstream.records.PubmedRecord.AbstractSection;
import org.figstream.records.PubmedRecord.Chemical;
import org.figstream.records.PubmedRecord.Grant;
import org.figstream.records.PubmedRecord.Keyword;
import org.figstream.records.PubmedRecord.MeshHeading;
import org.figstream.records.PubmedRecord.PublicationType;
import org.figstream.records.PubmedRecord.Reference;

/**
 * Reads one {@code PubmedArticle} or {@code PubmedBookArticle}, from its start tag to its end tag.
 * Elements are matched with their parent, because the same names recur for other citations: a
 * {@code PMID} inside {@code CommentsCorrections} or an {@code ArticleIdList} inside a {@code
 * Reference} belongs to another work.
 */
final class PubmedRecordReader {
  private static final Set<String> CITATION = Set.of("MedlineCitation", "BookDocument");

  private final XMLStreamReader r;
  private final boolean book;
  private String pmid;
  private int version = 1;
  private String status;
  private String pmcid;
  private String articleTitle;
  private String bookTitle;
  private String keywordOwner;
  private LocalDate completed;
  private LocalDate revised;
  private final List<MeshHeading> mesh = new ArrayList<>();
  private final List<PublicationType> types = new ArrayList<>();
  private final List<Chemical> chemicals = new ArrayList<>();
  private final List<Keyword> keywords = new ArrayList<>();
  private final List<Grant> grants = new ArrayList<>();
  private final List<AbstractSection> sections = new ArrayList<>();
  private final List<Reference> references = new ArrayList<>();

  private PubmedRecordReader(XMLStreamReader r) {
    this.r = r;
    this.book = r.getLocalName().equals("PubmedBookArticle");
  }

  static PubmedRecord read(XMLStreamReader r) throws XMLStreamException {
    return new PubmedRecordReader(r).read();
  }

  private PubmedRecord read() throws XMLStreamException {
    Deque<String> path = new ArrayDeque<>();
    path.push(r.getLocalName());
    while (!path.isEmpty()) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        path.pop();
      } else if (event == XMLStreamConstants.START_ELEMENT && !consumed(path)) {
        path.push(r.getLocalName());
      }
    }
    if (pmid == null) {
      throw new PubmedXmlException(
          PubmedXmlException.Kind.MALFORMED,
          "a " + (book ? "PubmedBookArticle" : "PubmedArticle") + " without its own PMID");
    }
    String title = articleTitle != null ? articleTitle : bookTitle;
    return new PubmedRecord(
        pmid,
        version,
        status,
        pmcid,
        title,
        book,
        mesh,
        types,
        chemicals,
        keywords,
        grants,
        sections,
        references,
        completed,
        revised);
  }

  private static String grandparent(Deque<String> path) {
    var it = path.iterator();
    it.next();
    return it.hasNext() ? it.next() : null;
  }

  /** Reads the element the reader stands on if it is one we keep, through its end tag. */
  private boolean consumed(Deque<String> path) throws XMLStreamException {
    String parent = path.peek();
    switch (r.getLocalName()) {
      case "MedlineCitation" -> {
        status = attribute(r, "Status");
        return false;
      }
      case "ArticleId" -> {
        // only the citation's own ids: PubmedData/ArticleIdList, not a Reference's
        if (!parent.equals("ArticleIdList")
            || !"PubmedData".equals(grandparent(path))
            || !"pmc".equals(attribute(r, "IdType"))) {
          return false;
        }
        pmcid = flatten(r);
      }
      case "PMID" -> {
        if (!CITATION.contains(parent)) {
          return false;
        }
        version = PubmedXmlParser.version(attribute(r, "Version"));
        pmid = flatten(r);
      }
      case "DateCompleted", "DateRevised" -> {
        if (!CITATION.contains(parent)) {
          return false;
        }
        String which = r.getLocalName();
        LocalDate date = CitationParts.date(r, which, pmid);
        if (which.equals("DateCompleted")) {
          completed = date;
        } else {
          revised = date;
        }
      }
      case "ArticleTitle" -> {
        if (!parent.equals("Article") && !parent.equals("BookDocument")) {
          return false;
        }
        articleTitle = flatten(r);
      }
      case "BookTitle" -> bookTitle = flatten(r);
      case "AbstractText" -> {
        // OtherAbstract (translations, consumer summaries) is not the abstract.
        if (!parent.equals("Abstract")) {
          return false;
        }
        String label = attribute(r, "Label");
        String category = attribute(r, "NlmCategory");
        sections.add(new AbstractSection(label, category, flatten(r)));
      }
      case "MeshHeading" -> mesh.add(CitationParts.meshHeading(r));
      case "PublicationType" -> {
        String ui = attribute(r, "UI");
        types.add(new PublicationType(flatten(r), ui));
      }
      case "Chemical" -> chemicals.add(CitationParts.chemical(r));
      case "KeywordList" -> {
        keywordOwner = attribute(r, "Owner");
        return false;
      }
      case "Keyword" -> {
        boolean major = yes(r, "MajorTopicYN");
        keywords.add(new Keyword(flatten(r), keywordOwner, major));
      }
      case "Grant" -> grants.add(CitationParts.grant(r));
      case "Reference" -> references.add(CitationParts.reference(r));
      default -> {
        return false;
      }
    }
    return true;
  }
}
