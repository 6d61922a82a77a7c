package org.figstream.runtime;

import java.util.LinkedHashSet;
import java.util.Set;
import org.figstream.connectors.feed.bucket.BucketLayout;
import org.figstream.connectors.feed.http.HttpSettings;
import org.figstream.connectors.feed.http.UrlCheck;
import org.figstream.connectors.feed.pubmed.PubmedSettings;
import org.figstream.connectors.feed.sample.BucketEmulator;

/**
 * Where an {@link Instance}'s feeds read, the bucket and PubMed (the sample emulator's with a
 * sample), and the HTTP client's settings for those origins: which it may ask, and how fast.
 */
final class FeedOrigins {
  private FeedOrigins() {}

  /** PubMed's settings, on the emulator's E-utilities and update files with a sample; or null. */
  static PubmedSettings pubmed(InstanceSettings settings, BucketEmulator emulator) {
    PubmedSettings s = settings.pubmed();
    if (s == null || emulator == null) {
      return s;
    }
    return s.at(emulator.baseUrl() + "/entrez/eutils", emulator.baseUrl() + "/pubmed/updatefiles/");
  }

  /**
   * The HTTP client's settings: the bucket's origin, and PubMed's when {@code pubmed} is not null,
   * each at its rate.
   */
  static HttpSettings http(
      BucketLayout layout, PubmedSettings pubmed, BucketEmulator emulator, double bucketRate) {
    Set<String> origins = new LinkedHashSet<>();
    // host:port, so that a URL in bucket data naming another port is refused
    origins.add(UrlCheck.origin(layout.baseUrl()));
    HttpSettings httpSettings = HttpSettings.defaults(origins).withRate(layout.host(), bucketRate);
    if (pubmed != null) {
      origins.addAll(pubmed.origins());
      // the emulator serves E-utilities on the bucket's host: NCBI's rate would slow the bucket
      httpSettings =
          emulator != null
              ? HttpSettings.defaults(origins).withRate(layout.host(), bucketRate)
              : pubmed
                  .rateLimited(HttpSettings.defaults(origins))
                  .withRate(layout.host(), bucketRate);
    }
    return httpSettings;
  }
}
