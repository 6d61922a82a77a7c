package org.figstream.records;

import java.util.List;
import java.util.Map;

/**
 * One {@code metadata/PMCn.v.json} of the PMC bucket, every field carried.
 *
 * @param licenseCode as PMC writes it: {@code CC BY}, {@code CC BY-NC}, ..., {@code TDM} for
 *     manuscripts
 * @param other fields this version of figstream does not know by name, kept as JSON text by name
 */
public record ArticleMetadata(
    String pmcid,
    int version,
    String pmid,
    String doi,
    String title,
    String citation,
    String licenseCode,
    boolean openAccess,
    boolean manuscript,
    boolean historicalOcr,
    boolean retracted,
    FileRef xml,
    FileRef pdf,
    FileRef text,
    List<FileRef> media,
    Map<String, String> other) {

  /** {@code PMC123.4}: the version's folder name in the bucket. */
  public String versionId() {
    return pmcid + "." + version;
  }
}
