package org.figstream.connectors.feed.pubmed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.figstream.connectors.feed.pubmed.PubmedXmlParserTest.resource;
import static org.figstream.connectors.feed.pubmed.PubmedXmlParserTest.resourceText;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.figstream.connectors.feed.pubmed.PubmedXmlException.Kind;
import org.figstream.records.PubmedRecord;
import org.figstream.records.PubmedRecord.AbstractSection;
import org.figstream.records.PubmedRecord.Reference;
import org.junit.jupiter.api.Test;

/**
 * Update-file shapes, E-utilities answers that are not records, and hostile or broken input: each
 * ends in a result or a typed error that says what is wrong, and nothing is ever fetched.
 */
class PubmedXmlParserBadInputTest {
  private static final String REAL = "pubmed-29768149.xml";

  private final PubmedXmlParser parser = new PubmedXmlParser();

  @Test
  void keepsRecordsAndDeletionsOfAnUpdateFileApart() {
    // The envelope is built here (no real update file was found in public test data); the
    // article inside is the real record of biopython-pubmed7.xml, cut out byte for byte.
    String article = element(resourceText("biopython-pubmed7.xml"), "PubmedArticle");
    String update =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<PubmedArticleSet>\n"
            + article
            + "\n<DeleteCitation>\n<PMID Version=\"1\">29768149</PMID>\n<PMID>12345</PMID>\n"
            + "</DeleteCitation>\n</PubmedArticleSet>\n";

    PubmedArticleSet set = parser.parse(update.getBytes(UTF_8));

    assertThat(set.records()).extracting(PubmedRecord::pmid).containsExactly("29963580");
    assertThat(set.deletions())
        .containsExactly(new DeletedCitation("29768149", 1), new DeletedCitation("12345", 1));
  }

  @Test
  void readsAnEmptyAnswerAsNoRecords() {
    // What efetch returns for PMIDs it does not know.
    PubmedArticleSet set = parser.parse("<PubmedArticleSet></PubmedArticleSet>".getBytes(UTF_8));

    assertThat(set.records()).isEmpty();
    assertThat(set.deletions()).isEmpty();
  }

  @Test
  void readsLabelsCategoriesAndReferenceDois() {
    // Constructed: none of the real files has NlmCategory or a reference DOI.
    String xml =
        "<PubmedArticle><MedlineCitation><PMID Version=\"2\">1</PMID><Article>"
            + "<ArticleTitle>A <i>B</i><sup>2</sup></ArticleTitle><Abstract>"
            + "<AbstractText Label=\"AIM\" NlmCategory=\"OBJECTIVE\">x</AbstractText></Abstract>"
            + "</Article></MedlineCitation><PubmedData><ReferenceList><Reference><Citation>C"
            + "</Citation><ArticleIdList><ArticleId IdType=\"doi\">10.1/x</ArticleId>"
            + "<ArticleId IdType=\"pubmed\">7</ArticleId></ArticleIdList></Reference>"
            + "</ReferenceList></PubmedData></PubmedArticle>";

    PubmedRecord record = parser.parse(xml.getBytes(UTF_8)).records().get(0);

    assertThat(record.version()).isEqualTo(2);
    assertThat(record.title()).isEqualTo("A B2");
    assertThat(record.abstractSections())
        .containsExactly(new AbstractSection("AIM", "OBJECTIVE", "x"));
    assertThat(record.references()).containsExactly(new Reference("C", "7", "10.1/x"));
  }

  @Test
  void neverConnectsForTheDoctypeOrAnExternalEntity() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      Thread acceptor = new Thread(() -> acceptAll(server, connections), "loopback-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
      String base = "http://127.0.0.1:" + server.getLocalPort();
      String doctype =
          "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle//EN\" \""
              + base
              + "/pubmed.dtd\" [\n<!ENTITY ext SYSTEM \""
              + base
              + "/e\">\n<!ENTITY % pe SYSTEM \""
              + base
              + "/p\">\n%pe;\n]>";
      String xml = resourceText(REAL).replaceFirst("<!DOCTYPE[^>]*>", doctype);

      PubmedArticleSet set = parser.parse(xml.getBytes(UTF_8));
      PubmedXmlException entity =
          failure(xml.replace("Mild Asthma.</ArticleTitle>", "Mild Asthma.&ext;</ArticleTitle>"));
      Thread.sleep(300);

      assertThat(connections).hasValue(0);
      assertThat(set.records()).extracting(PubmedRecord::pmid).containsExactly("29768149");
      assertThat(entity.kind()).isEqualTo(Kind.FORBIDDEN_DTD);
      assertThat(entity).hasMessageContaining("&ext;");
    }
  }

  @Test
  void saysATruncatedAnswerEndsEarly() {
    byte[] whole = resource(REAL);

    PubmedXmlException cut = failure(Arrays.copyOf(whole, whole.length / 2));

    assertThat(cut.kind()).isEqualTo(Kind.TRUNCATED);
    assertThat(cut).hasMessageContaining("document ends early");
  }

  @Test
  void turnsAnEutilsErrorAnswerIntoItsOwnKind() {
    String answer =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!DOCTYPE eFetchResult PUBLIC"
            + " \"-//NLM//DTD efetch 20131226//EN\""
            + " \"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd\">\n"
            + "<eFetchResult>\n\t<ERROR>Empty id list - nothing todo</ERROR>\n</eFetchResult>\n";

    PubmedXmlException error = failure(answer);

    assertThat(error.kind()).isEqualTo(Kind.EUTILS_ERROR);
    assertThat(error).hasMessageContaining("Empty id list - nothing todo");
    assertThat(failure("<PubmedArticleSet><ERROR>Too many UIDs</ERROR></PubmedArticleSet>").kind())
        .isEqualTo(Kind.EUTILS_ERROR);
  }

  @Test
  void refusesXmlThatIsNotPubmed() {
    PubmedXmlException pmc = failure("<pmc-articleset><article/></pmc-articleset>");
    PubmedXmlException html = failure("<html><body>Service unavailable</body></html>");

    assertThat(pmc.kind()).isEqualTo(Kind.NOT_PUBMED);
    assertThat(pmc).hasMessageContaining("<pmc-articleset>");
    assertThat(html.kind()).isEqualTo(Kind.NOT_PUBMED);
    assertThat(failure("Service unavailable").kind()).isEqualTo(Kind.NOT_XML);
    assertThat(failure("").kind()).isEqualTo(Kind.EMPTY);
    assertThat(failure("<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>").kind())
        .isEqualTo(Kind.MALFORMED);
  }

  @Test
  void refusesInputOverItsLimit() {
    PubmedXmlException tooLarge =
        catchThrowableOfType(
            PubmedXmlException.class, () -> new PubmedXmlParser(1000).parse(resource(REAL)));

    assertThat(tooLarge.kind()).isEqualTo(Kind.TOO_LARGE);
  }

  private PubmedXmlException failure(String xml) {
    return failure(xml.getBytes(UTF_8));
  }

  private PubmedXmlException failure(byte[] xml) {
    PubmedXmlException e = catchThrowableOfType(PubmedXmlException.class, () -> parser.parse(xml));
    assertThat(e).as("a typed error").isNotNull();
    return e;
  }

  private static String element(String xml, String name) {
    int start = xml.indexOf("<" + name + ">");
    String end = "</" + name + ">";
    return xml.substring(start, xml.indexOf(end) + end.length());
  }

  private static void acceptAll(ServerSocket server, AtomicInteger connections) {
    while (!server.isClosed()) {
      try (Socket ignored = server.accept()) {
        connections.incrementAndGet();
      } catch (IOException closed) {
        return;
      }
    }
  }
}
