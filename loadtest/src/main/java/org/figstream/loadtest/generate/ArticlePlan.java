package org.figstream.loadtest.generate;

import java.util.List;

/**
 * One generated article version, before it is written: what the JATS says and which images come
 * with it.
 *
 * @param index the article's number in the corpus, from 0
 * @param figures the figures in document order (each one graphic)
 * @param tables the table-wrap graphics in document order
 * @param groups fig-groups: consecutive runs of {@code figures}
 * @param textSeed the stream the body text (paragraphs, abstract, references) is drawn from
 */
public record ArticlePlan(
    String pmcid,
    int index,
    int version,
    String title,
    License license,
    List<FloatPlan> figures,
    List<FloatPlan> tables,
    List<Group> groups,
    long textSeed) {

  /** Where a figure's image comes from. */
  public enum Origin {
    ORIGINAL,
    /** The same bytes as an earlier article's figure. */
    EXACT_DUPLICATE,
    /** An earlier article's figure, resized and re-encoded. */
    NEAR_DUPLICATE,
    /** A version 2 keeping its version 1 image. */
    KEPT_FROM_VERSION_1
  }

  /**
   * One figure or table image.
   *
   * @param id the XML id ({@code fig3}, {@code tab1})
   * @param href the graphic's {@code xlink:href}, without extension, as in PMC's XML
   * @param file the media file name: href plus the format's suffix
   * @param mentions how many xrefs in the text cite it
   * @param source for a duplicate, the file name of the image it copies ({@code PMCn.v/name})
   */
  public record FloatPlan(
      String id,
      String label,
      String captionTitle,
      String caption,
      String href,
      String file,
      ImageSpec image,
      int mentions,
      Origin origin,
      String source) {}

  /** A fig-group around {@code size} figures from {@code first} (an index into figures). */
  public record Group(String id, String captionTitle, int first, int size) {}

  /** The license as the XML states it. */
  public record License(String url, String statement) {}

  /** Every image of the version, figures then tables. */
  public List<FloatPlan> images() {
    return java.util.stream.Stream.concat(figures.stream(), tables.stream()).toList();
  }

  public String versionId() {
    return pmcid + "." + version;
  }
}
