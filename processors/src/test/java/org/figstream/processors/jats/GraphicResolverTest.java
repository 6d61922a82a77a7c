package org.figstream.processors.jats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Graphic hrefs as each publisher writes them, against the media files that came with the article.
 */
class GraphicResolverTest {

  @Test
  void shouldResolveHrefWithoutExtensionWhoseDotsArePartOfTheName() {
    GraphicResolver resolver =
        new GraphicResolver(List.of("pone.0046493.g002.jpg", "pone.0046493.g001.jpg"));

    assertThat(resolver.resolve("pone.0046493.g001")).isEqualTo("pone.0046493.g001.jpg");
    assertThat(resolver.resolve("pone.0046493.g002")).isEqualTo("pone.0046493.g002.jpg");
  }

  @Test
  void shouldResolveHrefWithExtensionToThatFile() {
    GraphicResolver resolver =
        new GraphicResolver(List.of("elife-19405-fig1.tif", "elife-19405-inf1.tif"));

    assertThat(resolver.resolve("elife-19405-fig1.tif")).isEqualTo("elife-19405-fig1.tif");
    assertThat(resolver.resolve("elife-19405-fig1")).isEqualTo("elife-19405-fig1.tif");
    assertThat(resolver.resolve("elife-19405-inf1.tif")).isEqualTo("elife-19405-inf1.tif");
  }

  @Test
  void shouldResolvePlosInfoDoiHrefToTif() {
    GraphicResolver resolver =
        new GraphicResolver(List.of("pone.0056489.g001.tif", "pone.0056489.t001.tif"));

    assertThat(resolver.resolve("info:doi/10.1371/journal.pone.0056489.g001"))
        .isEqualTo("pone.0056489.g001.tif");
    assertThat(resolver.resolve("info:doi/10.1371/journal.pone.0056489.t001"))
        .isEqualTo("pone.0056489.t001.tif");
  }

  @Test
  void shouldResolvePlosInfoDoiHrefToJpgAndPreferItOverTif() {
    GraphicResolver jpgOnly = new GraphicResolver(List.of("pone.0056489.g001.jpg"));
    GraphicResolver both =
        new GraphicResolver(List.of("pone.0056489.g001.tif", "pone.0056489.g001.jpg"));

    assertThat(jpgOnly.resolve("info:doi/10.1371/journal.pone.0056489.g001"))
        .isEqualTo("pone.0056489.g001.jpg");
    assertThat(both.resolve("info:doi/10.1371/journal.pone.0056489.g001"))
        .isEqualTo("pone.0056489.g001.jpg");
  }

  @Test
  void shouldResolveSpringerHtmlHref() {
    GraphicResolver resolver =
        new GraphicResolver(
            List.of(
                "12889_2023_15060_Fig2_HTML.jpg",
                "12889_2023_15060_Fig1_HTML.jpg",
                "12889_2023_15060_MOESM1_ESM.docx"));

    assertThat(resolver.resolve("12889_2023_15060_Fig1_HTML"))
        .isEqualTo("12889_2023_15060_Fig1_HTML.jpg");
  }

  @Test
  void shouldMatchNamesAndSuffixesIgnoringCase() {
    GraphicResolver upper = new GraphicResolver(List.of("FIG1.JPG", "Fig2.TIF"));
    GraphicResolver lower = new GraphicResolver(List.of("fig3.jpg"));

    assertThat(upper.resolve("fig1.jpg")).isEqualTo("FIG1.JPG");
    assertThat(upper.resolve("fig1")).isEqualTo("FIG1.JPG");
    assertThat(upper.resolve("fig2.tif")).isEqualTo("Fig2.TIF");
    assertThat(lower.resolve("Fig3.TIF")).isEqualTo("fig3.jpg");
    assertThat(lower.resolve("FIG3.JPG")).isEqualTo("fig3.jpg");
  }

  @Test
  void shouldFallBackToJpgWhenTheTifNamedInTheHrefIsAbsent() {
    GraphicResolver resolver = new GraphicResolver(List.of("elife-19405-fig1.jpg", "gr2.png"));

    assertThat(resolver.resolve("elife-19405-fig1.tif")).isEqualTo("elife-19405-fig1.jpg");
    assertThat(resolver.resolve("gr2.tiff")).isEqualTo("gr2.png");
    assertThat(resolver.resolve("gr2.gif")).isEqualTo("gr2.png");
  }

  @Test
  void shouldPreferTheExactFileOverAnotherRendition() {
    GraphicResolver resolver = new GraphicResolver(List.of("fig1.jpg", "fig1.tif"));

    assertThat(resolver.resolve("fig1.tif")).isEqualTo("fig1.tif");
    assertThat(resolver.resolve("fig1")).isEqualTo("fig1.jpg");
  }

  @Test
  void shouldMatchMediaNamesGivenWithFoldersOrQueries() {
    GraphicResolver resolver =
        new GraphicResolver(
            List.of("PMC3460867/pone.0046493.g001.jpg", "https://x.org/fig2.png?dl=1"));

    assertThat(resolver.resolve("pone.0046493.g001")).isEqualTo("PMC3460867/pone.0046493.g001.jpg");
    assertThat(resolver.resolve("fig2")).isEqualTo("https://x.org/fig2.png?dl=1");
  }

  @Test
  void shouldReportUnresolvableHrefsAsMissing() {
    GraphicResolver resolver = new GraphicResolver(List.of("pone.0046493.g001.jpg", "fig1.docx"));

    assertThat(resolver.resolve("pone.0046493.g009")).isNull();
    assertThat(resolver.resolve("pone.0046493")).isNull();
    assertThat(resolver.resolve("fig1")).isNull();
    assertThat(resolver.resolve("")).isNull();
    assertThat(resolver.resolve(" ")).isNull();
    assertThat(resolver.resolve(null)).isNull();
    assertThat(new GraphicResolver(List.of()).resolve("pone.0046493.g001")).isNull();
  }
}
