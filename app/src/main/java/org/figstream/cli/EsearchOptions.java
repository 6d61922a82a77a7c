package org.figstream.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.figstream.connectors.feed.discovery.EsearchSettings;
import org.figstream.connectors.feed.http.UrlCheck;
import picocli.CommandLine.Option;

/** Same-day discovery through E-utilities esearch, off unless asked for. */
final class EsearchOptions {

  @Option(
      names = "--esearch",
      description =
          "After the inventory, also ask E-utilities esearch for the versions "
              + "PMC released today ([pmcrdat]) that no inventory lists yet.")
  boolean enabled;

  @Option(
      names = "--esearch-url",
      defaultValue = EsearchSettings.DEFAULT_BASE_URL,
      description =
          "E-utilities base URL (default: ${DEFAULT-VALUE}; the sample emulator's with --sample).")
  String url;

  @Option(
      names = "--esearch-email",
      description = "Contact address NCBI asks every E-utilities client to send.")
  String email;

  @Option(
      names = "--esearch-api-key",
      description = "NCBI API key (raises the limit from 3 to 10 requests/s).")
  String apiKey;

  @Option(
      names = "--esearch-day",
      description = "Release day to search (YYYY-MM-DD; default: today, UTC).")
  LocalDate day;

  EsearchSettings settings(String emulatorUrl) {
    String base = emulatorUrl != null ? emulatorUrl + "/entrez/eutils" : url;
    return new EsearchSettings(enabled, base, "figstream", email, apiKey);
  }

  /** The allow-list entry for the esearch endpoint: its host on its port only. */
  String origin(String emulatorUrl) {
    return UrlCheck.origin(settings(emulatorUrl).baseUrl());
  }

  LocalDate day() {
    return day != null ? day : LocalDate.now(ZoneOffset.UTC);
  }
}
