package org.figstream.connectors.feed.bucket;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where things are in PMC's {@code pmc-oa-opendata} bucket, and how its {@code s3://} URLs map to
 * the HTTPS endpoint figstream reads anonymously (or to an emulator's base URL).
 */
public final class BucketLayout {
  public static final String BUCKET = "pmc-oa-opendata";
  public static final String DEFAULT_BASE_URL = "https://pmc-oa-opendata.s3.amazonaws.com";
  public static final String INVENTORY_PREFIX = "inventory-reports/pmc-oa-opendata/metadata/";
  public static final String METADATA_PREFIX = "metadata/";

  private final String baseUrl;

  /**
   * The bucket at {@code baseUrl}, an absolute http(s) URL; anything else is refused here, saying
   * why.
   */
  public BucketLayout(String baseUrl) {
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "bucket URL '" + baseUrl + "' is not a URL: " + e.getReason(), e);
    }
    if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "bucket URL '"
              + baseUrl
              + "' is not an http(s) URL with a host, e.g. "
              + DEFAULT_BASE_URL);
    }
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String host() {
    return URI.create(baseUrl).getHost();
  }

  /** The HTTPS URL of an object key. */
  public String url(String key) {
    return baseUrl + "/" + key;
  }

  /**
   * {@code s3://pmc-oa-opendata/PMC1.1/PMC1.1.xml?md5=...} to the object's URL here (the md5 query
   * is dropped: it is a checksum, not part of the key). http(s) URLs are returned unchanged.
   */
  public String resolve(String url) {
    if (!url.startsWith("s3://")) {
      return url;
    }
    String rest = url.substring("s3://".length());
    int slash = rest.indexOf('/');
    if (slash < 0 || !rest.substring(0, slash).equals(BUCKET)) {
      throw new IllegalArgumentException("not an object of " + BUCKET + ": " + url);
    }
    String key = rest.substring(slash + 1);
    int q = key.indexOf('?');
    return url(q < 0 ? key : key.substring(0, q));
  }

  /** The inventory folder of one day, e.g. {@code 2026-11-21T01-00Z}. */
  public String manifestKey(String inventoryId) {
    return INVENTORY_PREFIX + inventoryId + "/manifest.json";
  }

  /** S3 writes the MD5 of {@code manifest.json} beside it, as hex text. */
  public String manifestChecksumKey(String inventoryId) {
    return INVENTORY_PREFIX + inventoryId + "/manifest.checksum";
  }

  /** {@code metadata/PMC123.4.json} for a version. */
  public static String metadataKey(String pmcid, int version) {
    return METADATA_PREFIX + pmcid + "." + version + ".json";
  }

  /** Whether a key names a version's metadata, {@code metadata/PMCn.v.json}. */
  public static boolean isMetadataKey(String key) {
    return key.startsWith(METADATA_PREFIX) && key.matches("metadata/PMC\\d+\\.\\d+\\.json");
  }

  /** PMCID of a metadata key. */
  public static String pmcid(String metadataKey) {
    String name =
        metadataKey.substring(METADATA_PREFIX.length(), metadataKey.length() - ".json".length());
    return name.substring(0, name.lastIndexOf('.'));
  }

  /** Version of a metadata key. */
  public static int version(String metadataKey) {
    String name =
        metadataKey.substring(METADATA_PREFIX.length(), metadataKey.length() - ".json".length());
    return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
  }
}
