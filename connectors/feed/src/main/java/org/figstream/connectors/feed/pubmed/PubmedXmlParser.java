package org.figstream.connectors.feed.pubmed;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import org.figstream.connectors.feed.pubmed.PubmedXmlException.Kind;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.PubmedRecord;

/**
 * Reads PubMed XML: an efetch {@code db=pubmed} answer or a daily update file (both a {@code
 * PubmedArticleSet}, the update files also with {@code DeleteCitation}), or a lone {@code
 * PubmedArticle} or {@code PubmedBookArticle}. It opens XML only through the JATS extractor's
 * factory, so the DOCTYPE every NLM file carries is never fetched, no entity is ever expanded from
 * a DTD, and depth and text size are bounded. Thread-safe.
 */
public final class PubmedXmlParser {
  /**
   * Above an efetch answer of 200 citations with long reference lists and an uncompressed daily
   * update file (each well under 200 MB).
   */
  public static final int DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

  private static final XMLInputFactory FACTORY = JatsExtractor.parserFactory();

  private final int maxBytes;

  public PubmedXmlParser() {
    this(DEFAULT_MAX_BYTES);
  }

  public PubmedXmlParser(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Reads a whole document into memory: for an efetch answer (at most a batch of citations). An
   * update file is read with {@link #stream}.
   *
   * @throws PubmedXmlException for empty, oversized, non-XML, malformed, truncated or DTD-dependent
   *     input, XML that is not PubMed's, and E-utilities {@code <ERROR>} answers
   */
  public PubmedArticleSet parse(byte[] xml) {
    try {
      JatsExtractor.checkDocument(xml, maxBytes);
    } catch (ExtractionException e) {
      throw PubmedXmlException.of(e);
    }
    List<PubmedRecord> records = new ArrayList<>();
    List<DeletedCitation> deletions = new ArrayList<>();
    try (PubmedXmlReader reader =
        new PubmedXmlReader(FACTORY, new ByteArrayInputStream(xml), maxBytes, true)) {
      for (Object item; (item = reader.next()) != null; ) {
        if (item instanceof PubmedRecord r) {
          records.add(r);
        } else {
          deletions.add((DeletedCitation) item);
        }
      }
    }
    return new PubmedArticleSet(records, deletions);
  }

  /**
   * A reader of the document in {@code xml}, one item at a time, with the same checks and errors as
   * {@link #parse(byte[])} (thrown from {@link PubmedXmlReader#next()}; more than this parser's
   * limit of bytes is {@link Kind#TOO_LARGE}). Reads nothing until the first {@code next()}; the
   * reader closes {@code xml}.
   */
  public PubmedXmlReader stream(InputStream xml) {
    return new PubmedXmlReader(FACTORY, xml, maxBytes, false);
  }

  /** A PMID's Version attribute; NLM omits it for version 1. */
  static int version(String attribute) {
    if (attribute == null) {
      return 1;
    }
    try {
      return Integer.parseInt(attribute);
    } catch (NumberFormatException e) {
      throw new PubmedXmlException(
          Kind.MALFORMED, "PMID Version=\"" + attribute + "\" is not a number", e);
    }
  }
}
