package org.figstream.loadtest.generate;

/**
 * What to generate.
 *
 * @param seed the corpus seed: the same settings give the same bytes
 * @param articles how many articles (version 1 of each)
 * @param articlesPerDay articles that appear per inventory day; one more day follows the last, with
 *     the changes (revisions, retractions, removals) of the last articles
 * @param exactDuplicates share of figures that are byte-for-byte copies of an earlier article's
 * @param nearDuplicates share of figures that are an earlier article's, resized and re-encoded
 * @param revisions share of articles that get a version 2 (captions edited, a figure replaced and
 *     one added) the day after they appear
 * @param retractions share of articles whose metadata says retracted the day after they appear
 * @param removals share of articles whose version 1 is gone from the bucket the day after
 * @param huge share of figures that are 8000x6000 photos (48 MP, under the normaliser's 120 MP)
 * @param overLimit share of figures whose PNG header declares 12000x10200 (122 MP): rejected by the
 *     normaliser as TOO_MANY_PIXELS
 */
public record GeneratorSettings(
    long seed,
    int articles,
    int articlesPerDay,
    double exactDuplicates,
    double nearDuplicates,
    double revisions,
    double retractions,
    double removals,
    double huge,
    double overLimit) {

  public GeneratorSettings {
    if (articles < 1 || articlesPerDay < 1) {
      throw new IllegalArgumentException("articles and articles per day must be positive");
    }
    if (exactDuplicates + nearDuplicates > 1
        || revisions + retractions + removals > 1
        || huge + overLimit > 1) {
      throw new IllegalArgumentException("shares of one choice add up to more than 1");
    }
  }

  /**
   * {@code articles} articles, 1000 a day, with 2% exact and 2% near duplicate figures, 5%
   * revisions, 0.5% retractions, 1% removals, 0.3% huge and 0.1% over-limit figures.
   */
  public static GeneratorSettings defaults(long seed, int articles) {
    return new GeneratorSettings(seed, articles, 1000, 0.02, 0.02, 0.05, 0.005, 0.01, 0.003, 0.001);
  }

  public GeneratorSettings withArticlesPerDay(int value) {
    return new GeneratorSettings(
        seed,
        articles,
        value,
        exactDuplicates,
        nearDuplicates,
        revisions,
        retractions,
        removals,
        huge,
        overLimit);
  }

  public GeneratorSettings withShares(
      double exact, double near, double revised, double retracted, double removed) {
    return new GeneratorSettings(
        seed, articles, articlesPerDay, exact, near, revised, retracted, removed, huge, overLimit);
  }

  public GeneratorSettings withLargeImages(double hugeShare, double overLimitShare) {
    return new GeneratorSettings(
        seed,
        articles,
        articlesPerDay,
        exactDuplicates,
        nearDuplicates,
        revisions,
        retractions,
        removals,
        hugeShare,
        overLimitShare);
  }

  /** Inventory days: one per {@code articlesPerDay} articles, and one for the last changes. */
  public int days() {
    return (articles + articlesPerDay - 1) / articlesPerDay + 1;
  }
}
