package org.figstream.processors.jats;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.figstream.processors.jats.TestDocuments.article;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.figstream.processors.api.ExtractedArticle;
import org.figstream.processors.api.ExtractionException;
import org.figstream.processors.api.ExtractionException.Kind;
import org.figstream.processors.api.ExtractionWarning;
import org.figstream.processors.hostile.LoopbackListener;
import org.figstream.processors.testdata.SampleArticles;
import org.figstream.processors.testdata.SampleArticles.Sample;
import org.figstream.records.FigureRecord;
import org.junit.jupiter.api.Test;

/**
 * Input built to attack a parser (external entities, entity bombs, deep nesting, size): nothing is
 * fetched or expanded, and every case ends fast in a typed, explained error.
 */
class HostileInputTest {
  private static final String NEEDS_DTD = " needs a DTD, and figstream never expands DTD entities";

  private final JatsExtractor extractor = new JatsExtractor();

  @Test
  void shouldRefuseExternalFileEntityWithoutReadingTheFile() {
    String xml =
        article("<!DOCTYPE article [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "Leak: &xxe;");

    ExtractionException e = failure(xml.getBytes(UTF_8));

    assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN_DTD);
    assertThat(e.getMessage())
        .isEqualTo("FORBIDDEN_DTD: entity &xxe; at line 1, column 321" + NEEDS_DTD)
        .doesNotContain("root:");
  }

  @Test
  void shouldNeverConnectForExternalDtdOrEntities() throws Exception {
    Sample sample = SampleArticles.article("pone.0056489");
    try (LoopbackListener listener = new LoopbackListener()) {
      String base = "http://127.0.0.1:" + listener.port();
      String doctype =
          "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS\" \""
              + base
              + "/x.dtd\" [\n"
              + "<!ENTITY ext SYSTEM \""
              + base
              + "/e\">\n<!ENTITY % pe SYSTEM \""
              + base
              + "/p\">\n%pe;\n]>";
      String xml = new String(sample.xml(), UTF_8).replaceFirst("<!DOCTYPE[^>]*>", doctype);

      List<ExtractedArticle> result = extractor.extract(xml.getBytes(UTF_8), sample.media());
      ExtractionException referenced =
          failure(
              xml.replace("<label>Figure 1</label>", "<label>Figure 1&ext;</label>")
                  .getBytes(UTF_8));
      Thread.sleep(300);

      assertThat(listener.connections()).isZero();
      assertThat(result).hasSize(1);
      assertThat(result.get(0).figures()).hasSize(6).allMatch(r -> r.mediaFile() != null);
      assertThat(result.get(0).figures().get(0).label()).isEqualTo("Figure 1");
      assertThat(referenced.kind()).isEqualTo(Kind.FORBIDDEN_DTD);
      assertThat(referenced.getMessage())
          .startsWith("FORBIDDEN_DTD: entity &ext; at line ")
          .endsWith(NEEDS_DTD);
    }
  }

  @Test
  void shouldNotExpandBillionLaughs() {
    byte[] xml = article(TestDocuments.billionLaughs(), "Laugh: &lol9;").getBytes(UTF_8);

    long allocated =
        allocatedWhileRefusing(
            xml,
            e ->
                assertThat(e)
                    .hasMessage("FORBIDDEN_DTD: entity &lol9; at line 1, column 995" + NEEDS_DTD));

    // Expanded, &lol9; would be 3 * 10^9 characters.
    assertThat(allocated).isLessThan(64L * 1024 * 1024);
  }

  @Test
  void shouldNotExpandAQuadraticBlowup() {
    // one entity of 50,000 characters referenced 50,000 times: 2.5 * 10^9 characters expanded
    String dtd = "<!DOCTYPE article [<!ENTITY big \"" + "x".repeat(50_000) + "\">]>";
    byte[] xml = article(dtd, "Blowup: " + "&big;".repeat(50_000)).getBytes(UTF_8);

    long allocated =
        allocatedWhileRefusing(
            xml,
            e -> assertThat(e).hasMessageStartingWith("FORBIDDEN_DTD: entity &big; at line 1"));

    assertThat(allocated).isLessThan(64L * 1024 * 1024);
  }

  /** Bytes this thread allocates while the extractor refuses {@code xml}, within 5 seconds. */
  private long allocatedWhileRefusing(byte[] xml, Consumer<ExtractionException> check) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    return assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          long before = threads.getCurrentThreadAllocatedBytes();
          check.accept(failure(xml));
          return threads.getCurrentThreadAllocatedBytes() - before;
        });
  }

  @Test
  void shouldRefuseInputOverTheConfiguredLimit() {
    Sample sample = SampleArticles.article("pone.0056489");

    ExtractionException e =
        catchThrowableOfType(
            ExtractionException.class,
            () -> new JatsExtractor(1024).extract(sample.xml(), sample.media()));

    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(e).hasMessage("TOO_LARGE: the document is 96351 bytes, over the limit of 1024");
  }

  @Test
  void shouldStopVeryDeepNestingWithATypedError() {
    String deep = "<sec>".repeat(10_000) + "<p>deep</p>" + "</sec>".repeat(10_000);
    byte[] xml = article("", "Deep").replace("<body>", "<body>" + deep).getBytes(UTF_8);

    ExtractionException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failure(xml));

    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(e)
        .hasMessage(
            "TOO_LARGE: document exceeds a parser limit at line 1, column 2191: Maximum"
                + " Element Depth limit (400) Exceeded");
  }

  @Test
  void shouldRefuseUnknownEntityWherePublishersWouldNeedTheirDtd() {
    ExtractionException inCaption = failure(article("", "Panel A &foo; panel B").getBytes(UTF_8));
    String refs =
        article("", "Fine")
            .replace("</article>", "<back><ref-list><ref>&foo;</ref></ref-list></back></article>");

    assertThat(inCaption.kind()).isEqualTo(Kind.FORBIDDEN_DTD);
    assertThat(inCaption)
        .hasMessage("FORBIDDEN_DTD: entity &foo; at line 1, column 261" + NEEDS_DTD);
    // Also where the scanner streams past without capturing anything.
    assertThat(failure(refs.getBytes(UTF_8)))
        .hasMessage("FORBIDDEN_DTD: entity &foo; at line 1, column 331" + NEEDS_DTD);
  }

  @Test
  void shouldRefuseUnknownEntityInAnAttributeInsteadOfDroppingIt() {
    ExtractionException e =
        failure(article("", "Fine").replace("id=\"f1\"", "id=\"f&foo;1\"").getBytes(UTF_8));

    assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN_DTD);
    assertThat(e).hasMessage("FORBIDDEN_DTD: entity &foo; at line 1, column 215" + NEEDS_DTD);
  }

  @Test
  void shouldExpandKnownHtmlCharacterEntitiesInTextAndAttributes() {
    String xml =
        article("", "Growth &mdash; 5&nbsp;&micro;m &plusmn; 1 &amp; &lt;2&gt;")
            .replace("<fig id=\"f1\">", "<fig id=\"f1\" specific-use=\"a&ndash;b\">");

    FigureRecord fig =
        extractor.extract(xml.getBytes(UTF_8), List.of("f1.jpg")).get(0).figures().get(0);

    // The no-break space is white space to NormalizedText, so it becomes a plain space.
    assertThat(fig.caption()).isEqualTo("Growth \u2014 5 \u00B5m \u00B1 1 & <2>");
    assertThat(fig.specificUse()).isEqualTo("a\u2013b");
    assertThat(fig.mediaFile()).isEqualTo("f1.jpg");
  }

  @Test
  void shouldExpandTheWholeHtml5NamedCharacterSet() {
    // &commat; and &ast; are what real PLOS articles use; &NotEqualTilde; is two code points;
    // &AMP; and &LT; stand for markup characters and must come out as text.
    String xml =
        article("", "a&commat;b &ast; &NotEqualTilde; &AMP;&LT;x&GT; &Agrave;")
            .replace("<fig id=\"f1\">", "<fig id=\"f1\" specific-use=\"&commat;&LT;\">");

    FigureRecord fig =
        extractor.extract(xml.getBytes(UTF_8), List.of("f1.jpg")).get(0).figures().get(0);

    assertThat(fig.caption()).isEqualTo("a@b * \u2242\u0338 &<x> \u00C0");
    assertThat(fig.specificUse()).isEqualTo("@<");
    assertThat(CharacterEntities.all())
        .hasSizeGreaterThan(2000)
        .containsEntry("commat", "@")
        .containsEntry("ast", "*")
        .containsEntry("NotEqualTilde", "\u2242\u0338")
        .doesNotContainKeys("amp", "lt", "foo");
  }

  @Test
  void shouldExtractARealPlosArticleThatUsesIsoEntitiesWithoutItsDtd() {
    // PLoS ONE pone.0000010 (samples/labelled) writes &percnt;, &hairsp;, &equals;, &ast;, ...
    Sample sample =
        SampleArticles.article(SampleArticles.root().resolveSibling("labelled/pone.0000010"));

    List<ExtractedArticle> result = extractor.extract(sample.xml(), sample.media());

    assertThat(result).hasSize(1);
    assertThat(result.get(0).figures())
        .extracting(FigureRecord::mediaFile)
        .containsExactly("pone.0000010.g001.png", "pone.0000010.g002.png", "pone.0000010.g003.png");
    assertThat(new String(sample.xml(), UTF_8)).contains("&ast;", "&percnt;");
  }

  @Test
  void shouldStillRefuseANameOutsideTheHtml5Set() {
    ExtractionException e = failure(article("", "a &commatx; b").getBytes(UTF_8));

    assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN_DTD);
    assertThat(e)
        .hasMessageStartingWith("FORBIDDEN_DTD: entity &commatx; at line 1")
        .hasMessageEndingWith(NEEDS_DTD);
  }

  @Test
  void shouldExpandMoreCharacterEntitiesThanWoodstoxAllowsByDefault() {
    String xml = article("", "x&mdash;".repeat(150_000));

    ExtractedArticle article = extractor.extract(xml.getBytes(UTF_8), List.of()).get(0);
    FigureRecord fig = article.figures().get(0);

    // all 150,000 were expanded (else the parse fails), then the caption was cut to its limit
    assertThat(fig.caption())
        .hasSize(OutputLimits.CAPTION_CHARS)
        .startsWith("x\u2014x\u2014")
        .endsWith("x\u2014");
    assertThat(article.warnings())
        .extracting(ExtractionWarning::message)
        .containsExactly(
            "cut to a window around the citation or to their first characters: "
                + "1 figures' captions to 20000 characters");
  }

  @Test
  void shouldExtractFromATwentyMegabyteArticle() {
    Sample sample = SampleArticles.article("pone.0056489");
    String xml = new String(sample.xml(), UTF_8);
    int from = xml.indexOf("<sec id=\"s1\">");
    String intro = xml.substring(from, xml.indexOf("</sec>", from) + "</sec>".length());
    byte[] big =
        xml.replace("</body>", intro.repeat(20 * 1024 * 1024 / intro.length()) + "</body>")
            .getBytes(UTF_8);

    List<ExtractedArticle> result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> extractor.extract(big, sample.media()));

    assertThat(big.length).isBetween(20 * 1024 * 1024, 21 * 1024 * 1024);
    assertThat(result).hasSize(1);
    assertThat(result.get(0).figures()).hasSize(6).allMatch(r -> r.mediaFile() != null);
    // The repeated introduction cites only references, so the figure mentions stay those of the
    // original.
    assertThat(result.get(0).figures().stream().mapToInt(r -> r.mentions().size()).sum())
        .isEqualTo(8);
  }

  private ExtractionException failure(byte[] xml) {
    return TestDocuments.failure(extractor, xml);
  }
}
