package org.figstream.connectors.feed.pubmed;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.http.UrlCheck;

/**
 * The PubMed source: E-utilities efetch for articles as they arrive, and NLM's daily update files
 * for what changed since (MeSH assigned months later among it). NCBI asks every client to send
 * {@code tool} and {@code email}, and allows 3 requests per second, 10 with an API key.
 *
 * @param eutilsBaseUrl E-utilities base, {@value #DEFAULT_EUTILS_BASE_URL}
 * @param updateFilesUrl the update-file directory, {@value #DEFAULT_UPDATE_FILES_URL} (ends with /)
 * @param apiKey NCBI API key, or null; sent only in POST bodies, never in a URL, so that no failure
 *     message or dead letter (which quote URLs) carries it
 * @param batchSize PMIDs per efetch request (NCBI: up to 200 per request is fine)
 * @param requestsPerSecond efetch rate without an API key
 * @param requestsPerSecondWithKey efetch rate with an API key
 * @param maxEfetchBytes body limit of one efetch answer
 * @param maxUpdateFileBytes download limit of one gzipped update file (real ones are 20-60 MB)
 * @param maxXmlBytes limit of one update file once gunzipped, and of the XML the parser reads
 * @param maxFilesPerPoll update files applied at most in one poll (a first start has the year's
 *     files before it: it catches up over several polls)
 */
public record PubmedSettings(
    String eutilsBaseUrl,
    String updateFilesUrl,
    String tool,
    String email,
    String apiKey,
    int batchSize,
    double requestsPerSecond,
    double requestsPerSecondWithKey,
    long maxEfetchBytes,
    long maxUpdateFileBytes,
    int maxXmlBytes,
    int maxFilesPerPoll) {

  public static final String DEFAULT_EUTILS_BASE_URL =
      "https://eutils.ncbi.nlm.nih.gov/entrez/eutils";
  public static final String DEFAULT_UPDATE_FILES_URL =
      "https://ftp.ncbi.nlm.nih.gov/pubmed/updatefiles/";
  public static final int DEFAULT_BATCH_SIZE = 200;

  public PubmedSettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    if (!updateFilesUrl.endsWith("/")) {
      updateFilesUrl = updateFilesUrl + "/";
    }
  }

  /**
   * NCBI's hosts, tool {@code figstream}, no email or key, 200 PMIDs a request, 3 (10 with a key)
   * requests a second, 64 MiB an efetch answer, 256 MiB a gzipped update file, {@link
   * PubmedXmlParser#DEFAULT_MAX_BYTES} of XML, 10 files a poll.
   */
  public static PubmedSettings defaults() {
    return new PubmedSettings(
        DEFAULT_EUTILS_BASE_URL,
        DEFAULT_UPDATE_FILES_URL,
        "figstream",
        null,
        null,
        DEFAULT_BATCH_SIZE,
        HttpSettings.NCBI_REQUESTS_PER_SECOND,
        10.0,
        64L * 1024 * 1024,
        256L * 1024 * 1024,
        PubmedXmlParser.DEFAULT_MAX_BYTES,
        10);
  }

  /** The same settings against other hosts (the offline emulator: its base URL). */
  public PubmedSettings at(String eutilsBase, String updateFiles) {
    return with(eutilsBase, updateFiles, tool, email, apiKey);
  }

  /** The same settings with another {@code tool}, {@code email} and API key (each may be null). */
  public PubmedSettings withIdentity(String tool, String email, String apiKey) {
    return with(eutilsBaseUrl, updateFilesUrl, tool, email, apiKey);
  }

  private PubmedSettings with(
      String eutils, String updates, String tool, String email, String apiKey) {
    return new PubmedSettings(
        eutils,
        updates,
        tool,
        email,
        apiKey,
        batchSize,
        requestsPerSecond,
        requestsPerSecondWithKey,
        maxEfetchBytes,
        maxUpdateFileBytes,
        maxXmlBytes,
        maxFilesPerPoll);
  }

  /** The efetch rate that applies: with the API key's allowance when there is one. */
  public double efetchRate() {
    return apiKey == null ? requestsPerSecond : requestsPerSecondWithKey;
  }

  /**
   * {@code http} with the efetch host's rate set to {@link #efetchRate()}: the one HTTP client's
   * {@code HostRateLimiter} then spaces efetch requests. (The update-file host keeps NCBI's default
   * of 3 a second.) A caller whose E-utilities share a host with other sources (the emulator on
   * loopback) should leave that host's rate as it is.
   */
  public HttpSettings rateLimited(HttpSettings http) {
    return http.withRate(
        URI.create(eutilsBaseUrl).getHost().toLowerCase(Locale.ROOT), efetchRate());
  }

  /** The allow-list entries ({@code host:port}) that these settings need. */
  public List<String> origins() {
    return List.of(UrlCheck.origin(eutilsBaseUrl), UrlCheck.origin(updateFilesUrl)).stream()
        .distinct()
        .toList();
  }
}
