package org.figstream.connectors.feed.bucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An S3 inventory {@code manifest.json}: which gzipped CSV parts make up one day's inventory. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryManifest(
    @JsonProperty("sourceBucket") String sourceBucket,
    @JsonProperty("creationTimestamp") String creationTimestamp,
    @JsonProperty("fileFormat") String fileFormat,
    @JsonProperty("fileSchema") String fileSchema,
    @JsonProperty("files") List<Part> files) {

  /** One gzipped CSV part. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Part(
      @JsonProperty("key") String key,
      @JsonProperty("size") long size,
      @JsonProperty("MD5checksum") String md5) {}
}
