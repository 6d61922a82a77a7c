package org.figstream.connectors.feed.local;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.Announcement;
import org.figstream.records.ArticleMetadata;
import org.figstream.records.Change;

/**
 * Reads answers of PMC's retired OA web service ({@code oa.fcgi}), for users with old captures:
 * each {@code record} becomes an announcement (version unknown: 0), the package link and its update
 * time kept in the metadata's other fields, and the resumption link kept for paging.
 */
public final class OaFcgiParser {

  /** One answer: its announcements, the counts it states, and where the next page is. */
  public record Page(
      List<Announcement> announcements,
      long returned,
      long total,
      String resumptionToken,
      String resumptionHref) {}

  /** An {@code <error code=...>} answer. */
  public static final class OaFcgiError extends RuntimeException {
    private final String code;

    OaFcgiError(String code, String message) {
      super("oa.fcgi error " + code + ": " + message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** The extractor's own safe settings: no DTD, no external entity, bounded. */
  private static final XMLInputFactory FACTORY = JatsExtractor.parserFactory();

  private OaFcgiParser() {}

  public static Page parse(byte[] xml) {
    List<Announcement> out = new ArrayList<>();
    long returned = 0;
    long total = 0;
    String token = null;
    String href = null;
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
      String id = null;
      Map<String, String> attrs = null;
      boolean inResumption = false;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          if (r.getLocalName().equals("record")) {
            out.add(announcement(id, attrs));
            id = null;
          } else if (r.getLocalName().equals("resumption")) {
            inResumption = false;
          }
          continue;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (r.getLocalName()) {
          case "error" ->
              throw new OaFcgiError(r.getAttributeValue(null, "code"), r.getElementText().trim());
          case "records" -> {
            returned = number(r.getAttributeValue(null, "returned-count"));
            total = number(r.getAttributeValue(null, "total-count"));
          }
          case "record" -> {
            id = r.getAttributeValue(null, "id");
            attrs = new LinkedHashMap<>();
            for (String name : new String[] {"citation", "license", "retracted"}) {
              String v = r.getAttributeValue(null, name);
              if (v != null) {
                attrs.put(name, v);
              }
            }
          }
          case "resumption" -> inResumption = true;
          case "link" -> {
            if (inResumption) {
              token = r.getAttributeValue(null, "token");
              href = r.getAttributeValue(null, "href");
            } else if (attrs != null) {
              String format = r.getAttributeValue(null, "format");
              attrs.put(format + "_url", r.getAttributeValue(null, "href"));
              attrs.put(format + "_updated", r.getAttributeValue(null, "updated"));
            }
          }
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("not an oa.fcgi answer: " + e.getMessage(), e);
    }
    return new Page(List.copyOf(out), returned, total, token, href);
  }

  private static Announcement announcement(String pmcid, Map<String, String> attrs) {
    Map<String, String> other = new LinkedHashMap<>(attrs);
    String citation = other.remove("citation");
    String license = other.remove("license");
    boolean retracted = "yes".equalsIgnoreCase(other.remove("retracted"));
    ArticleMetadata m =
        new ArticleMetadata(
            pmcid,
            0,
            null,
            null,
            null,
            citation,
            license,
            true,
            false,
            false,
            retracted,
            null,
            null,
            null,
            List.of(),
            Map.copyOf(other));
    return new Announcement(
        Change.VERSION, "oa.fcgi:" + pmcid, pmcid, 0, null, other.get("tgz_updated"), "oa.fcgi", m);
  }

  private static long number(String s) {
    return s == null ? 0 : Long.parseLong(s.trim());
  }
}
