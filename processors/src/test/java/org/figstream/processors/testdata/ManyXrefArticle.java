package org.figstream.processors.testdata;

import java.nio.charset.StandardCharsets;

/**
 * The hostile article of issue 18: a real sample article with one more paragraph holding 20,000
 * citations of its first figure, about 1.6 MB in all. Each citation is its own short sentence, so
 * that only the paragraph (copied into every mention) grows with the count.
 */
public final class ManyXrefArticle {
  public static final String SAMPLE = "pone.0056489";
  public static final String FIGURE = "pone-0056489-g001";
  public static final int XREFS = 20_000;

  private ManyXrefArticle() {}

  /** The sample's XML with the paragraph added at the end of its body. */
  public static byte[] xml() {
    return xml(XREFS, ". ");
  }

  /**
   * @param between what follows each citation: ". " makes a sentence of each, " " one long sentence
   *     of them all
   */
  public static byte[] xml(int xrefs, String between) {
    StringBuilder p = new StringBuilder("<p>");
    for (int i = 0; i < xrefs; i++) {
      p.append("As shown in <xref ref-type=\"fig\" rid=\"")
          .append(FIGURE)
          .append("\">Figure 1</xref>")
          .append(between);
    }
    p.append("</p>");
    return inBody(p.toString());
  }

  /** The sample's XML with {@code fragment} added at the end of its body. */
  public static byte[] inBody(String fragment) {
    String article = new String(SampleArticles.article(SAMPLE).xml(), StandardCharsets.UTF_8);
    int at = article.indexOf("</body>");
    if (at < 0) {
      throw new IllegalStateException(SAMPLE + " has no </body>");
    }
    String out = article.substring(0, at) + fragment + article.substring(at);
    return out.getBytes(StandardCharsets.UTF_8);
  }
}
