package org.figstream.topology.join;

/** The PMID an article is joined by. */
public final class Pmids {
  private Pmids() {}

  /**
   * The PMID as the {@code pubmed} topic keys it: trimmed, digits only; null (no PMID, nothing to
   * join) for null, blank, or anything else ({@code PMID:123}, {@code 12a}).
   */
  public static String normalise(String pmid) {
    if (pmid == null) {
      return null;
    }
    String trimmed = pmid.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return trimmed;
  }
}
