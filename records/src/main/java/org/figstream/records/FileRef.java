package org.figstream.records;

/**
 * A file of an article version as the bucket names it.
 *
 * @param url as the metadata gives it ({@code s3://pmc-oa-opendata/PMC1.1/PMC1.1.xml?md5=...} or
 *     https)
 * @param md5 the lower-case hex MD5 the bucket states for it, or null when it states none
 */
public record FileRef(String url, String md5) {

  /** The file name: the last path segment of the URL, without the query. */
  public String fileName() {
    String path = url;
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
