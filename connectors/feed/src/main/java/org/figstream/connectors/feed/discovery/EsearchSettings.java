package org.figstream.connectors.feed.discovery;

/**
 * Same-day discovery through E-utilities, off by default: the inventory lags the bucket by up to a
 * day, esearch on {@code [pmcrdat]} finds what PMC released today. NCBI asks every client to send
 * {@code tool} and {@code email}; an API key raises its limit from 3 to 10 requests per second.
 *
 * @param baseUrl E-utilities base, {@code https://eutils.ncbi.nlm.nih.gov/entrez/eutils}
 */
public record EsearchSettings(
    boolean enabled, String baseUrl, String tool, String email, String apiKey) {

  public static final String DEFAULT_BASE_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils";

  public static EsearchSettings off() {
    return new EsearchSettings(false, DEFAULT_BASE_URL, "figstream", null, null);
  }
}
