package org.figstream.connectors.feed.bucket;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.figstream.connectors.feed.http.FetchFailure;
import org.figstream.connectors.feed.http.HttpFetcher;
import org.figstream.connectors.feed.http.OutageWait;
import org.figstream.records.ArticleMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Reads the bucket: inventory listings and manifests, inventory parts (streamed), metadata objects.
 * A read the bucket cannot answer because it is down waits until it can ({@link OutageWait}): the
 * feed's pass pauses where it is rather than skip or dead-letter what it could not read.
 */
public final class BucketClient {
  /** Manifests and listings are small; metadata JSONs are a few KB. */
  static final long MAX_SMALL_OBJECT = 16L * 1024 * 1024;

  /** Inventory parts go to disk, so the limit only guards the disk. */
  static final long MAX_INVENTORY_PART = 8L * 1024 * 1024 * 1024;

  /** How often a manifest that does not match its checksum is asked for again. */
  static final int MANIFEST_RECHECKS = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BucketLayout layout;
  private final HttpFetcher http;

  public BucketClient(BucketLayout layout, HttpFetcher http) {
    this.layout = layout;
    this.http = http;
  }

  public BucketLayout layout() {
    return layout;
  }

  /** The inventory days the bucket holds, oldest first ({@code 2026-11-20T01-00Z}, ...). */
  public Mono<List<String>> inventoryIds() {
    return listPrefixes(BucketLayout.INVENTORY_PREFIX, null, new ArrayList<>())
        .map(
            prefixes ->
                prefixes.stream()
                    .map(p -> p.substring(BucketLayout.INVENTORY_PREFIX.length()).replace("/", ""))
                    .filter(id -> id.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}Z"))
                    .sorted(Comparator.naturalOrder())
                    .toList());
  }

  private static List<String> newestFirst(List<String> ids) {
    List<String> out = new ArrayList<>(ids);
    java.util.Collections.reverse(out);
    return out;
  }

  private Mono<List<String>> listPrefixes(String prefix, String token, List<String> acc) {
    String url =
        layout.baseUrl()
            + "/?list-type=2&delimiter=%2F&prefix="
            + enc(prefix)
            + (token == null ? "" : "&continuation-token=" + enc(token));
    return http.get(url, MAX_SMALL_OBJECT, null)
        .retryWhen(OutageWait.of("the inventory listing"))
        .flatMap(
            bytes -> {
              ListingParser.Page page = ListingParser.parse(bytes);
              acc.addAll(page.prefixes());
              return page.nextToken() == null
                  ? Mono.just(acc)
                  : listPrefixes(prefix, page.nextToken(), acc);
            });
  }

  /** The newest inventory whose manifest is complete (S3 writes the manifest last), if any. */
  public Mono<String> newestInventory() {
    return inventoryIds()
        .flatMap(
            ids ->
                Flux.fromIterable(newestFirst(ids))
                    .concatMap(
                        id ->
                            manifest(id)
                                .map(m -> id)
                                .onErrorResume(
                                    e ->
                                        e instanceof FetchFailure f
                                            && f.reason().equals("http-404"),
                                    e -> Mono.empty()))
                    .next());
  }

  /**
   * The manifest, checked against {@code manifest.checksum} where the bucket has one (S3 writes
   * both). A mismatch asks for both again: either file may be the one that arrived damaged.
   */
  public Mono<InventoryManifest> manifest(String inventoryId) {
    return Mono.defer(
            () ->
                manifestChecksum(inventoryId)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(
                        md5 ->
                            http.get(
                                layout.url(layout.manifestKey(inventoryId)),
                                MAX_SMALL_OBJECT,
                                md5.orElse(null))))
        .retryWhen(
            Retry.max(MANIFEST_RECHECKS)
                .filter(e -> e instanceof FetchFailure f && f.reason().equals("md5-mismatch"))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
        .retryWhen(OutageWait.of("inventory manifest " + inventoryId))
        .map(
            bytes -> {
              try {
                return JSON.readValue(bytes, InventoryManifest.class);
              } catch (IOException e) {
                throw new IllegalArgumentException(
                    "inventory manifest " + inventoryId + " is not valid JSON", e);
              }
            });
  }

  /** The manifest's MD5 as the bucket states it; empty where there is no checksum object. */
  private Mono<String> manifestChecksum(String inventoryId) {
    return http.get(layout.url(layout.manifestChecksumKey(inventoryId)), 1024, null)
        .map(bytes -> new String(bytes, StandardCharsets.US_ASCII).trim().toLowerCase(Locale.ROOT))
        // a damaged checksum fails the manifest's check, so that both are asked for again
        .map(text -> text.matches("[0-9a-f]{32}") ? text : "damaged checksum " + text)
        .onErrorResume(
            e -> e instanceof FetchFailure f && f.reason().equals("http-404"), e -> Mono.empty());
  }

  /** Downloads one gzipped CSV part to {@code dir} (verified against the manifest's MD5). */
  public Mono<Path> downloadPart(InventoryManifest.Part part, Path dir) {
    String name = part.key().substring(part.key().lastIndexOf('/') + 1);
    return http.download(layout.url(part.key()), dir.resolve(name), MAX_INVENTORY_PART, part.md5())
        .retryWhen(OutageWait.of("inventory part " + part.key()));
  }

  /**
   * The rows of a downloaded part from row {@code skip} on, read lazily: never the whole part at
   * once.
   */
  public static Flux<InventoryRow> rows(Path part, String fileSchema, long skip) {
    InventoryCsv csv = new InventoryCsv(fileSchema);
    return Flux.using(
            () ->
                new BufferedReader(
                    new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(part), 64 * 1024),
                        StandardCharsets.UTF_8)),
            reader ->
                Flux.fromStream(reader.lines())
                    .filter(l -> !l.isBlank())
                    .skip(skip)
                    .map(csv::parse),
            reader -> {
              try {
                reader.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** The metadata keys of every version of one article ({@code metadata/PMC123.1.json}, ...). */
  public Mono<List<String>> metadataKeys(String pmcid) {
    String prefix = BucketLayout.METADATA_PREFIX + pmcid + ".";
    return http.get(
            layout.baseUrl() + "/?list-type=2&prefix=" + enc(prefix), MAX_SMALL_OBJECT, null)
        .retryWhen(OutageWait.of("the metadata listing of " + pmcid))
        .map(
            bytes ->
                ListingParser.parse(bytes).keys().stream()
                    .filter(BucketLayout::isMetadataKey)
                    .toList());
  }

  /** A version's metadata JSON, parsed. */
  public Mono<ArticleMetadata> metadata(String key) {
    return metadata(key, null);
  }

  /**
   * A version's metadata JSON, checked against the inventory's ETag: for objects uploaded in one
   * part the ETag is the MD5 of the bytes, which catches a corrupted body (multipart ETags contain
   * a dash and are not checked).
   */
  public Mono<ArticleMetadata> metadata(String key, String etag) {
    String md5 = etag != null && etag.matches("[0-9a-fA-F]{32}") ? etag : null;
    return http.get(layout.url(key), MAX_SMALL_OBJECT, md5)
        .retryWhen(OutageWait.of(key))
        .map(MetadataParser::parse);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
