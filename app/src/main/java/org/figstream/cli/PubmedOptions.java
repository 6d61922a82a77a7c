package org.figstream.cli;

import org.figstream.connectors.feed.pubmed.PubmedSettings;
import picocli.CommandLine.Option;

/**
 * PubMed citations (MeSH, publication types, references) for the articles the feed announces:
 * efetch as they arrive, NLM's daily update files for what changes later. On unless turned off.
 */
final class PubmedOptions {

  @Option(
      names = "--no-pubmed",
      description =
          "Do not look articles up in PubMed: no efetch, no update files; articles keep no"
              + " MeSH, publication types or references.")
  boolean off;

  @Option(
      names = "--pubmed-email",
      description = "Contact address NCBI asks every E-utilities client to send with efetch.")
  String email;

  @Option(
      names = "--pubmed-api-key",
      description = "NCBI API key (efetch's limit goes from 3 to 10 requests/s); never logged.")
  String apiKey;

  @Option(
      names = "--eutils-url",
      defaultValue = PubmedSettings.DEFAULT_EUTILS_BASE_URL,
      description =
          "E-utilities base URL for efetch (default: ${DEFAULT-VALUE}; the sample emulator's with"
              + " --sample).")
  String eutilsUrl;

  @Option(
      names = "--pubmed-updates-url",
      defaultValue = PubmedSettings.DEFAULT_UPDATE_FILES_URL,
      description =
          "Folder of NLM's daily PubMed update files (default: ${DEFAULT-VALUE}; the sample"
              + " emulator's with --sample).")
  String updatesUrl;

  /** The settings, or null with {@code --no-pubmed}. The sample's URLs replace these at start. */
  PubmedSettings settings() {
    if (off) {
      return null;
    }
    return PubmedSettings.defaults()
        .at(eutilsUrl, updatesUrl)
        .withIdentity("figstream", email, apiKey);
  }
}
