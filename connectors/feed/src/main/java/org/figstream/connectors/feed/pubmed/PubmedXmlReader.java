package org.figstream.connectors.feed.pubmed;

import com.ctc.wstx.exc.WstxLazyException;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.jats.JatsExtractor;
import org.figstream.records.PubmedRecord;

/**
 * Reads PubMed XML one item at a time, from a stream: each {@link #next()} gives the next citation
 * (a {@link PubmedRecord}) or deleted PMID (a {@link DeletedCitation}) in document order, and null
 * at the end. Only the item being read is held, whatever the size of the document, so a daily
 * update file (150-250 MB of XML) never has to be in memory. The one reader of PubMed XML: {@link
 * PubmedXmlParser#parse(byte[])} collects what it gives.
 *
 * <p>Errors come from {@link #next()} where the reader meets them, as {@link PubmedXmlException}
 * with the same kinds as {@link PubmedXmlParser#parse(byte[])}: items given before a malformed or
 * truncated part, or before an {@code <ERROR>}, have been given already. The whole document is
 * read, so a cut or garbage after the root fails the last {@code next()}. An unchecked exception
 * the input stream throws from {@code read} crosses unchanged. Not thread-safe for reading; {@link
 * #close()} may come from another thread (a cancel) and waits for a {@code next()} in progress.
 */
public final class PubmedXmlReader implements AutoCloseable {
  private final XMLInputFactory factory;
  private final InputStream source;
  private final int maxBytes;
  private final boolean checked;
  private XMLStreamReader r;
  private State state = State.NEW;

  private enum State {
    NEW,
    IN_SET,
    IN_DELETE,
    AFTER_ROOT,
    DONE
  }

  /**
   * @param checked whether {@link JatsExtractor#checkDocument} already passed over the whole input
   *     (then neither the sniff nor the size count is needed)
   */
  PubmedXmlReader(XMLInputFactory factory, InputStream source, int maxBytes, boolean checked) {
    this.factory = factory;
    this.source = source;
    this.maxBytes = maxBytes;
    this.checked = checked;
  }

  /**
   * The next citation ({@link PubmedRecord}) or deleted PMID ({@link DeletedCitation}), or null
   * once the document has been read to its end.
   *
   * @throws PubmedXmlException for empty, oversized, non-XML, malformed, truncated or DTD-dependent
   *     input, XML that is not PubMed's, and E-utilities {@code <ERROR>} answers; the reader is
   *     then done
   */
  public synchronized Object next() {
    if (state == State.DONE) {
      return null;
    }
    try {
      Object item = read();
      if (item == null) {
        state = State.DONE;
        close();
      }
      return item;
    } catch (XMLStreamException e) {
      throw fail(JatsExtractor.readError(e, r == null ? null : r.getLocation()));
    } catch (WstxLazyException e) {
      // Woodstox reports bad text (an undeclared entity, a bad character reference) unchecked,
      // from getText(): still bad input, not a crash.
      XMLStreamException cause =
          e.getCause() instanceof XMLStreamException x ? x : new XMLStreamException(e.getMessage());
      throw fail(JatsExtractor.readError(cause, r == null ? null : r.getLocation()));
    } catch (ExtractionException e) {
      throw fail(e);
    } catch (RuntimeException e) {
      state = State.DONE;
      close();
      throw e;
    }
  }

  private PubmedXmlException fail(ExtractionException e) {
    state = State.DONE;
    close();
    return PubmedXmlException.of(e);
  }

  private Object read() throws XMLStreamException {
    if (state == State.NEW) {
      Object first = start();
      if (first != null) {
        return first;
      }
    }
    while (true) {
      switch (state) {
        case IN_DELETE -> {
          int event = r.next();
          if (event == XMLStreamConstants.END_ELEMENT) {
            state = State.IN_SET;
          } else if (event == XMLStreamConstants.START_ELEMENT) {
            if (r.getLocalName().equals("PMID")) {
              int version = PubmedXmlParser.version(XmlText.attribute(r, "Version"));
              String pmid = XmlText.flatten(r);
              if (pmid != null) {
                return new DeletedCitation(pmid, version);
              }
            } else {
              XmlText.skip(r);
            }
          }
        }
        case IN_SET -> {
          int event = r.next();
          if (event == XMLStreamConstants.END_ELEMENT) {
            state = State.AFTER_ROOT;
          } else if (event == XMLStreamConstants.START_ELEMENT) {
            switch (r.getLocalName()) {
              case "PubmedArticle", "PubmedBookArticle" -> {
                return PubmedRecordReader.read(r);
              }
              case "DeleteCitation" -> state = State.IN_DELETE;
              case "ERROR" -> throw PubmedRootElement.eutilsError(r);
              default -> XmlText.skip(r);
            }
          }
        }
        case AFTER_ROOT -> {
          // Read to the end, so that a cut or garbage after the root is not taken for a whole
          // answer.
          while (r.hasNext()) {
            r.next();
          }
          return null;
        }
        default -> throw new IllegalStateException("reader in state " + state);
      }
    }
  }

  /** Opens the parser and reads to the root; a lone article is read whole. */
  private Object start() throws XMLStreamException {
    InputStream in = checked ? source : StreamedXmlChecks.guarded(source, maxBytes);
    r = factory.createXMLStreamReader(in);
    if (PubmedRootElement.read(r) == PubmedRootElement.ARTICLE_SET) {
      state = State.IN_SET;
      return null;
    }
    state = State.AFTER_ROOT;
    return PubmedRecordReader.read(r);
  }

  /** Closes the parser and the stream; idempotent. */
  @Override
  public synchronized void close() {
    state = State.DONE;
    if (r != null) {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // the stream is closed next, which is what holds anything
      }
    }
    try {
      source.close();
    } catch (IOException | RuntimeException ignored) {
      // nothing more can be read from it either way
    }
  }
}
