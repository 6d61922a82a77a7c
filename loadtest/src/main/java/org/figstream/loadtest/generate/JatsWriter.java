package org.figstream.loadtest.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.figstream.loadtest.generate.ArticlePlan.FloatPlan;
import org.figstream.loadtest.generate.ArticlePlan.Group;

/**
 * Writes an {@link ArticlePlan} as JATS in the bucket's flavour: the DOCTYPE header, no default
 * namespace, {@code xlink:href}s without extension, figures (some in fig-groups) and table-wrap
 * graphics placed after the paragraph that first cites them, and xref mentions in the text.
 */
public final class JatsWriter {
  private static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE article PUBLIC \"-//NLM//DTD JATS"
          + " (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.3 20210610//EN\""
          + " \"JATS-archive-oasis-article1-3-mathml3.dtd\">\n"
          + "<article xmlns:mml=\"http://www.w3.org/1998/Math/MathML\""
          + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" article-type=\"research-article\""
          + " dtd-version=\"1.3\" xml:lang=\"en\">";

  private JatsWriter() {}

  public static byte[] write(ArticlePlan plan) {
    SplittableRandom r = new SplittableRandom(plan.textSeed());
    StringBuilder x = new StringBuilder(16_384).append(HEAD);
    front(x, plan, r);
    x.append("<body><sec id=\"s1\"><title>Introduction</title><p>")
        .append(esc(CaptionText.sentence(r, 20 + r.nextInt(40))))
        .append("</p></sec><sec id=\"s2\"><title>Results</title>");
    results(x, plan, r);
    x.append("</sec><sec id=\"s3\"><title>Discussion</title><p>")
        .append(esc(CaptionText.sentence(r, 30 + r.nextInt(60))))
        .append("</p></sec></body><back><ref-list><title>References</title>");
    for (int i = 1; i <= 3 + r.nextInt(20); i++) {
      x.append("<ref id=\"ref")
          .append(i)
          .append("\"><mixed-citation publication-type=\"journal\">")
          .append(esc(CaptionText.sentence(r, 8)))
          .append("</mixed-citation></ref>");
    }
    return x.append("</ref-list></back></article>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void front(StringBuilder x, ArticlePlan plan, SplittableRandom r) {
    String number = plan.pmcid().substring(3);
    x.append("<front><journal-meta><journal-id journal-id-type=\"nlm-ta\">Synth Biomed Rep")
        .append("</journal-id><journal-id journal-id-type=\"iso-abbrev\">Synth Biomed Rep")
        .append("</journal-id><journal-title-group><journal-title>Synthetic Biomedical Reports")
        .append("</journal-title></journal-title-group><issn pub-type=\"epub\">0000-0000</issn>")
        .append("<publisher><publisher-name>figstream load generator</publisher-name>")
        .append("</publisher></journal-meta><article-meta>")
        .append("<article-id pub-id-type=\"pmcid\">")
        .append(plan.pmcid())
        .append("</article-id><article-id pub-id-type=\"pmc\">")
        .append(number)
        .append("</article-id><article-id pub-id-type=\"doi\">10.5555/synth.")
        .append(number)
        .append("</article-id><article-categories><subj-group subj-group-type=\"heading\">")
        .append("<subject>Research Article</subject></subj-group></article-categories>")
        .append("<title-group><article-title>")
        .append(esc(plan.title()))
        .append("</article-title></title-group><contrib-group>");
    for (int a = 0; a < 1 + r.nextInt(8); a++) {
      x.append("<contrib contrib-type=\"author\"><name><surname>Author")
          .append(a + 1)
          .append("</surname><given-names>")
          .append((char) ('A' + r.nextInt(26)))
          .append("</given-names></name></contrib>");
    }
    x.append("</contrib-group><pub-date pub-type=\"epub\"><day>")
        .append(10 + plan.index() % 18)
        .append("</day><month>11</month><year>2026</year></pub-date><volume>1</volume>")
        .append("<elocation-id>e")
        .append(plan.index() + 1)
        .append("</elocation-id><permissions><copyright-statement>© 2026 Author1 et al.")
        .append("</copyright-statement><copyright-year>2026</copyright-year>")
        .append("<license xlink:href=\"")
        .append(plan.license().url())
        .append("\"><license-p>This is an open access article distributed under the terms of ")
        .append("the <ext-link ext-link-type=\"uri\" xlink:href=\"")
        .append(plan.license().url())
        .append("\">")
        .append(plan.license().statement())
        .append(" License</ext-link>.</license-p></license></permissions><abstract><p>")
        .append(esc(CaptionText.sentence(r, 40 + r.nextInt(160))))
        .append("</p></abstract></article-meta></front>");
  }

  /**
   * Paragraphs citing the figures and tables: each float's first mention comes in order, its other
   * mentions later; each float is placed after the paragraph of its first mention.
   */
  private static void results(StringBuilder x, ArticlePlan plan, SplittableRandom r) {
    List<FloatPlan> floats = plan.images();
    List<Integer> cites = new ArrayList<>();
    for (int f = 0; f < floats.size(); f++) {
      cites.add(f);
    }
    for (int f = 0; f < floats.size(); f++) {
      for (int m = 1; m < floats.get(f).mentions(); m++) {
        int first = cites.indexOf(f);
        cites.add(first + 1 + r.nextInt(cites.size() - first), f); // after its first mention
      }
    }
    boolean[] placed = new boolean[floats.size()];
    int c = 0;
    while (c < cites.size()) {
      int inParagraph = 1 + r.nextInt(3);
      x.append("<p>");
      List<Integer> firsts = new ArrayList<>();
      for (int i = 0; i < inParagraph && c < cites.size(); i++, c++) {
        int f = cites.get(c);
        FloatPlan cited = floats.get(f);
        boolean table = f >= plan.figures().size();
        String citing = CaptionText.sentence(r, 8 + r.nextInt(20));
        x.append(esc(CaptionText.sentence(r, 4 + r.nextInt(20))))
            .append(' ')
            .append(esc(citing.substring(0, citing.length() - 1)))
            .append(" (<xref ref-type=\"")
            .append(table ? "table" : "fig")
            .append("\" rid=\"")
            .append(cited.id())
            .append("\">")
            .append(table ? "Table " : "Fig ")
            .append(cited.label().replaceAll("\\D+", ""))
            .append("</xref>). ");
        if (!placed[f]) {
          placed[f] = true;
          firsts.add(f);
        }
      }
      x.append("</p>");
      for (int f : firsts) {
        place(x, plan, f, placed);
      }
    }
  }

  /** The float, or its whole fig-group when it is the group's first figure. */
  private static void place(StringBuilder x, ArticlePlan plan, int f, boolean[] placed) {
    if (f >= plan.figures().size()) {
      table(x, plan.tables().get(f - plan.figures().size()));
      return;
    }
    for (Group g : plan.groups()) {
      if (f >= g.first() && f < g.first() + g.size()) {
        if (f != g.first()) {
          return; // placed with the group's first figure, or placed there later
        }
        x.append("<fig-group id=\"")
            .append(g.id())
            .append("\"><caption><title>")
            .append(esc(g.captionTitle()))
            .append("</title></caption>");
        for (int i = g.first(); i < g.first() + g.size(); i++) {
          placed[i] = true;
          fig(x, plan.figures().get(i));
        }
        x.append("</fig-group>");
        return;
      }
    }
    fig(x, plan.figures().get(f));
  }

  private static void fig(StringBuilder x, FloatPlan f) {
    opening(x, "fig", f, "<object-id pub-id-type=\"doi\">10.5555/" + f.href() + "</object-id>");
    x.append("<graphic xlink:href=\"").append(f.href()).append("\"/></fig>");
  }

  private static void table(StringBuilder x, FloatPlan t) {
    opening(x, "table-wrap", t, "");
    x.append("<alternatives><graphic xlink:href=\"")
        .append(t.href())
        .append("\"/><table><tbody><tr><td>")
        .append(esc(t.captionTitle()))
        .append("</td></tr></tbody></table></alternatives></table-wrap>");
  }

  /** The float's start tag, ids, label and caption. */
  private static void opening(StringBuilder x, String element, FloatPlan f, String ids) {
    x.append('<')
        .append(element)
        .append(" id=\"")
        .append(f.id())
        .append("\" position=\"float\">")
        .append(ids)
        .append("<label>")
        .append(f.label())
        .append("</label><caption><title>")
        .append(esc(f.captionTitle()))
        .append("</title><p>")
        .append(esc(f.caption()))
        .append("</p></caption>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
