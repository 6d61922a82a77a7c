package org.figstream.records;

/**
 * The few article fields every figure row carries: enough to split a dataset by license subset,
 * cite the article and join the articles table, without repeating its abstract or text in every
 * row.
 *
 * @param year the year of the article's first dated publication, as written ({@code 2012})
 * @param licenseCode the license as PMC writes it ({@code CC BY-NC}), null when the XML has none
 */
public record ArticleKeys(
    String pmcid,
    Integer version,
    String pmid,
    String doi,
    String journal,
    String year,
    String licenseCode,
    String licenseUrl,
    Subset subset) {

  public static ArticleKeys of(Article a) {
    License license = a.license();
    String year = null;
    if (a.pubDates() != null) {
      year =
          a.pubDates().stream()
              .map(Article.PubDate::iso)
              .filter(iso -> iso != null && iso.length() >= 4)
              .map(iso -> iso.substring(0, 4))
              .sorted()
              .findFirst()
              .orElse(null);
    }
    return new ArticleKeys(
        a.pmcid(),
        a.version(),
        a.pmid(),
        a.doi(),
        a.journal() == null ? null : a.journal().title(),
        year,
        license == null || license.code() == null ? null : license.code().toString(),
        license == null ? null : license.url(),
        a.subset() == null ? Subset.OTHER : a.subset());
  }
}
