package org.figstream.records;

import java.util.List;

/**
 * What a version became: its published figures, or (with {@code withdrawn}) the order to take every
 * pair of the article out, with the reason ({@code retracted}, {@code removed}).
 */
public record EnrichedArticle(
    String pmcid, int version, boolean withdrawn, String reason, List<PublishedFigure> figures) {

  public static EnrichedArticle withdrawal(String pmcid, int version, String reason) {
    return new EnrichedArticle(pmcid, version, true, reason, List.of());
  }
}
