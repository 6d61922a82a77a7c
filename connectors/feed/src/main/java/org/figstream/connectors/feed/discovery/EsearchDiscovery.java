package org.figstream.connectors.feed.discovery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.figstream.connectors.feed.bucket.BucketClient;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.records.Announcement;
import org.figstream.records.Change;
import org.figstream.state.FeedIndex;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finds the versions PMC released on a day before any inventory lists them: esearch gives the PMC
 * ids, a bucket listing of {@code metadata/PMCn.} gives their versions, and each version not yet in
 * the index is announced. The next inventory lists them with their real ETag, which re-announces
 * them once; announcements are idempotent downstream, so that costs a little work and loses
 * nothing.
 */
public final class EsearchDiscovery {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
  static final String ESEARCH_ETAG = "esearch";

  /** The inventory stamp of a version found here: never taken for a removal ({@link FeedIndex}). */
  static final String ESEARCH_STAMP = "esearch";

  private final EsearchSettings settings;
  private final HttpFetcher http;
  private final BucketClient bucket;
  private final FeedIndex index;

  public EsearchDiscovery(
      EsearchSettings settings, HttpFetcher http, BucketClient bucket, FeedIndex index) {
    this.settings = settings;
    this.http = http;
    this.bucket = bucket;
    this.index = index;
  }

  /** The search URL for one release day, without the API key (which goes in a POST body). */
  String searchUrl(LocalDate day) {
    return settings.baseUrl() + "/esearch.fcgi?" + query(day);
  }

  private String query(LocalDate day) {
    StringBuilder q =
        new StringBuilder("db=pmc&retmax=100000&term=")
            .append(enc(DAY.format(day) + "[pmcrdat]"))
            .append("&tool=")
            .append(enc(settings.tool()));
    if (settings.email() != null) {
      q.append("&email=").append(enc(settings.email()));
    }
    return q.toString();
  }

  /**
   * The search: a GET, or with an API key a POST of the same query with the key, since failure
   * messages and dead letters quote a URL and a key must never be printed (as efetch does).
   */
  private Mono<byte[]> search(LocalDate day) {
    long max = 64L * 1024 * 1024;
    if (settings.apiKey() == null) {
      return http.get(searchUrl(day), max, null);
    }
    return http.post(
        settings.baseUrl() + "/esearch.fcgi",
        query(day) + "&api_key=" + enc(settings.apiKey()),
        max);
  }

  /**
   * Announces, through {@code sinks}, every version released on {@code day} that the index lacks.
   */
  public Mono<Long> discover(LocalDate day, FeedSinks sinks) {
    if (!settings.enabled()) {
      return Mono.just(0L);
    }
    return search(day)
        .map(EsearchIds::parse)
        .flatMapMany(Flux::fromIterable)
        .concatMap(id -> bucket.metadataKeys("PMC" + id))
        .concatMap(Flux::fromIterable)
        // the index (RocksDB) and the sinks block: never on an HTTP event loop, which every
        // client of this JVM shares (see InventoryFeed)
        .publishOn(Schedulers.boundedElastic(), 1)
        .filter(key -> index.get(key) == null)
        .concatMap(
            key ->
                bucket
                    .metadata(key)
                    .publishOn(Schedulers.boundedElastic())
                    .filter(m -> m.openAccess())
                    .flatMap(
                        m ->
                            sinks
                                .announcements()
                                .apply(
                                    new Announcement(
                                        Change.VERSION,
                                        key,
                                        m.pmcid(),
                                        m.version(),
                                        null,
                                        null,
                                        "esearch",
                                        m))
                                .then(
                                    Mono.fromRunnable(
                                        () -> index.put(key, ESEARCH_ETAG, ESEARCH_STAMP)))
                                .thenReturn(1L)))
        .count();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Reads the {@code IdList} of an esearch answer. */
  static final class EsearchIds {
    private EsearchIds() {}

    static List<String> parse(byte[] xml) {
      String text = new String(xml, StandardCharsets.UTF_8);
      if (text.contains("<ERROR>")) {
        throw new IllegalArgumentException("esearch answered an error: " + text);
      }
      return java.util.regex.Pattern.compile("<Id>(\\d+)</Id>")
          .matcher(text)
          .results()
          .map(m -> m.group(1))
          .toList();
    }
  }
}
