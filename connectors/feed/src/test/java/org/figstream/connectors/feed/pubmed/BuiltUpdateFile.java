package org.figstream.connectors.feed.pubmed;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A large update file, BUILT here (not NLM data): the real citation of {@code
 * biopython-pubmed4-27797938.xml} repeated with distinct PMIDs ({@link #pmid}), every tenth without
 * its PMCID, then a {@code DeleteCitation} of two PMIDs. Some 44 KB of XML a citation.
 */
final class BuiltUpdateFile {
  static final String REAL_PMID = "27797938";
  static final String PMC = "<ArticleId IdType=\"pmc\">PMC5442267</ArticleId>";
  static final String DELETED_1 = "1";
  static final String DELETED_2 = "2";

  private BuiltUpdateFile() {}

  /** The i-th citation's PMID: as many digits as the real one, so every copy is the same size. */
  static String pmid(int i) {
    return String.valueOf(90_000_000 + i);
  }

  static boolean inPmc(int i) {
    return i % 10 != 0;
  }

  /** The real citation, cut out byte for byte. */
  static String article() {
    String xml = PubmedXmlParserTest.resourceText("biopython-pubmed4-27797938.xml");
    int start = xml.indexOf("<PubmedArticle>");
    String end = "</PubmedArticle>";
    return xml.substring(start, xml.indexOf(end) + end.length());
  }

  /** Writes {@code count} citations, gzipped (fastest level: the test is about reading). */
  static long write(Path gz, int count) throws IOException {
    String article = article();
    if (!article.contains(PMC)) {
      throw new AssertionError("the sample citation changed");
    }
    long xmlBytes = 0;
    try (OutputStream file = Files.newOutputStream(gz);
        GZIPOutputStream zip =
            new GZIPOutputStream(file, 1 << 16) {
              {
                def.setLevel(Deflater.BEST_SPEED);
              }
            };
        Writer out = new java.io.OutputStreamWriter(zip, UTF_8)) {
      String head = "<?xml version=\"1.0\" ?>\n<PubmedArticleSet>\n";
      out.write(head);
      xmlBytes += head.length();
      for (int i = 0; i < count; i++) {
        String copy = article.replace(REAL_PMID, pmid(i));
        if (!inPmc(i)) {
          copy = copy.replace(PMC, "");
        }
        out.write(copy);
        out.write('\n');
        xmlBytes += copy.getBytes(UTF_8).length + 1;
      }
      String tail =
          "<DeleteCitation>\n<PMID Version=\"1\">"
              + DELETED_1
              + "</PMID>\n<PMID>"
              + DELETED_2
              + "</PMID>\n</DeleteCitation>\n</PubmedArticleSet>\n";
      out.write(tail);
      xmlBytes += tail.length();
    }
    return xmlBytes;
  }
}
