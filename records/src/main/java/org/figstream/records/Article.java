package org.figstream.records;

import java.util.List;
import java.util.Map;

/**
 * Article-level data of one article version. Kept apart from the figure records so that abstract,
 * keywords and subjects are not repeated in every figure row.
 *
 * @param articleKey the id pair ids start with: the PMCID when known, else {@code doi:...}, else
 *     {@code publisher-id:...}
 * @param articleIds every {@code article-id} by its {@code pub-id-type}
 * @param pubmed the article's PubMed citation (MeSH, publication types, references), joined by
 *     PMID; null as extracted, and until NLM's record for the PMID is known
 */
public record Article(
    String articleKey,
    String pmcid,
    Integer version,
    String pmid,
    String doi,
    Map<String, String> articleIds,
    String articleType,
    String title,
    Journal journal,
    List<PubDate> pubDates,
    License license,
    Subset subset,
    List<String> keywords,
    List<Subject> subjects,
    String abstractText,
    List<Abstract> abstracts,
    List<RelatedArticle> relatedArticles,
    PubmedRecord pubmed) {

  /** This article with its PubMed citation (null: without one). */
  public Article withPubmed(PubmedRecord citation) {
    return new Article(
        articleKey,
        pmcid,
        version,
        pmid,
        doi,
        articleIds,
        articleType,
        title,
        journal,
        pubDates,
        license,
        subset,
        keywords,
        subjects,
        abstractText,
        abstracts,
        relatedArticles,
        citation);
  }

  /**
   * @param ids every {@code journal-id} by its {@code journal-id-type}
   */
  public record Journal(
      String title, Map<String, String> ids, List<Issn> issns, String publisher) {}

  /**
   * @param type {@code pub-type} or {@code publication-format} of the ISSN, as the XML says
   */
  public record Issn(String type, String value) {}

  /**
   * One {@code pub-date}.
   *
   * @param type {@code pub-type}, or {@code date-type} in JATS 1.1+ markup
   * @param format {@code publication-format} (print, electronic) when given
   * @param iso the date normalised to ISO 8601 as far as it is known: {@code 2012}, {@code
   *     2012-09}, {@code 2012-09-27}
   * @param raw the date as written (its parts in document order), or the string-date
   * @param season the season when the date has one ({@code Spring}, {@code Jan-Feb})
   */
  public record PubDate(String type, String format, String iso, String raw, String season) {}

  /** A leaf subject with the subjects of its enclosing subj-groups before it. */
  public record Subject(String type, List<String> path) {}

  /**
   * @param type {@code abstract-type}, null for the main abstract
   */
  public record Abstract(String type, String text) {}

  /** A {@code related-article} link: corrections, retractions, commentaries. */
  public record RelatedArticle(String type, String extLinkType, String href, String text) {}
}
