package org.figstream.processors.jats;

import com.ctc.wstx.exc.WstxLazyException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.processors.api.ArticleHint;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionException.Kind;
import org.figstream.records.Article;
import org.figstream.records.FigureRecord;

/**
 * Turns one article's JATS XML (NLM 2.3 to JATS 1.4, namespaced or not, with or without the {@code
 * pmc-articleset} wrapper) and the names of its media files into an article record and its
 * figure-caption pairs. Thread-safe; one instance serves a whole pipeline.
 */
public final class JatsExtractor {
  /** Larger than any real article's XML (the biggest PMC articles are a few MB). */
  public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

  private final SecureXmlInput input = new SecureXmlInput();
  private final int maxBytes;

  public JatsExtractor() {
    this(DEFAULT_MAX_BYTES);
  }

  public JatsExtractor(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * A new StAX factory with exactly the settings the extractor parses with (DTDs off, no external
   * entity, known character entities predeclared, limits): the one safe way figstream opens any XML
   * (bucket listings, legacy service answers), and the baseline of the extractor's benchmark.
   */
  public static javax.xml.stream.XMLInputFactory parserFactory() {
    return new SecureXmlInput().factory();
  }

  /**
   * The typed error for a parse failure of a reader opened with {@link #parserFactory()}, so that
   * every reader of XML reports truncation, parser limits and DTD entities alike.
   *
   * @param at where the reader stood, for errors without a location of their own
   */
  public static ExtractionException readError(XMLStreamException e, Location at) {
    return SecureXmlInput.translate(e, at);
  }

  public List<ExtractedArticle> extract(byte[] xml, Collection<String> mediaNames) {
    return extract(xml, mediaNames, ArticleHint.NONE);
  }

  /**
   * @return one entry per {@code article} in the document (an efetch answer may hold several)
   * @throws ExtractionException for empty, oversized, non-XML, malformed, truncated or
   *     DTD-dependent input, and for documents that hold no article
   */
  public List<ExtractedArticle> extract(
      byte[] xml, Collection<String> mediaNames, ArticleHint hint) {
    precheck(xml);
    List<ScannedArticle> scanned;
    XMLStreamReader reader = input.open(xml);
    try {
      scanned = ArticleScanner.scan(reader);
    } catch (XMLStreamException e) {
      throw SecureXmlInput.translate(e, reader.getLocation());
    } catch (WstxLazyException e) {
      // Woodstox parses text lazily and reports its errors (a bad character reference, an
      // undeclared
      // entity) unchecked from getText(): still bad input, not a crash.
      XMLStreamException cause =
          e.getCause() instanceof XMLStreamException x ? x : new XMLStreamException(e.getMessage());
      throw SecureXmlInput.translate(cause, reader.getLocation());
    } finally {
      close(reader);
    }
    GraphicResolver resolver = new GraphicResolver(mediaNames);
    List<ExtractedArticle> out = new ArrayList<>(scanned.size());
    for (ScannedArticle article : scanned) {
      out.add(assemble(article, resolver, hint));
    }
    return out;
  }

  private static ExtractedArticle assemble(
      ScannedArticle scanned, GraphicResolver resolver, ArticleHint hint) {
    Article article = ArticleMetaReader.read(scanned.front, scanned.articleType, hint);
    List<FigureDraft> drafts = new ArrayList<>();
    FigureReader figures = new FigureReader(resolver, drafts);
    if (scanned.front != null) {
      figures.read(scanned.front, "front");
    }
    for (ScannedArticle.Part part : scanned.parts) {
      figures.read(part.node(), part.context());
    }
    OutputBudget budget = new OutputBudget();
    for (FigureDraft draft : drafts) {
      budget.addPair(draft, article.articleKey());
    }
    MentionLinker linker = new MentionLinker(drafts, budget);
    for (ScannedArticle.Part part : scanned.parts) {
      if (part.runningText() && linker.citesAFigure(part.node())) {
        ParagraphText paragraph = ParagraphText.of(part.node());
        if (paragraph != null) {
          linker.link(paragraph);
        }
      }
    }
    List<FigureRecord> records = new ArrayList<>(drafts.size());
    for (FigureDraft draft : drafts) {
      records.add(draft.toRecord(article.articleKey()));
    }
    return new ExtractedArticle(article, records, budget.warnings(drafts));
  }

  private void precheck(byte[] xml) {
    checkDocument(xml, maxBytes);
  }

  /**
   * The checks made before any XML is parsed (empty, oversized, not starting with {@code <}), for
   * other readers of XML opened with {@link #parserFactory()}.
   *
   * @throws ExtractionException of kind EMPTY, TOO_LARGE or NOT_XML
   */
  public static void checkDocument(byte[] xml, int maxBytes) {
    if (xml == null || xml.length == 0) {
      throw new ExtractionException(Kind.EMPTY, "the document is empty (0 bytes)");
    }
    if (xml.length > maxBytes) {
      throw new ExtractionException(
          Kind.TOO_LARGE,
          "the document is " + xml.length + " bytes, over the limit of " + maxBytes);
    }
    int i = startsWithUtf8Bom(xml) ? 3 : 0;
    if (xml.length >= 2
        && ((xml[0] == (byte) 0xFE && xml[1] == (byte) 0xFF)
            || (xml[0] == (byte) 0xFF && xml[1] == (byte) 0xFE))) {
      return; // UTF-16: let the parser judge it
    }
    while (i < xml.length
        && (xml[i] == ' ' || xml[i] == '\n' || xml[i] == '\r' || xml[i] == '\t')) {
      i++;
    }
    if (i == xml.length) {
      throw new ExtractionException(Kind.EMPTY, "the document holds only white space");
    }
    if (xml[i] != '<') {
      throw new ExtractionException(
          Kind.NOT_XML,
          "the document does not start with '<' (first byte 0x"
              + Integer.toHexString(xml[i] & 0xFF)
              + "); it is not XML");
    }
  }

  private static boolean startsWithUtf8Bom(byte[] b) {
    return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
  }

  private static void close(XMLStreamReader reader) {
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // Nothing is held open: the input is a byte array.
    }
  }
}
