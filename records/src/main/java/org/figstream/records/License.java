package org.figstream.records;

/**
 * The license an article is distributed under.
 *
 * @param url the license URL when the XML gives one ({@code ali:license_ref} or {@code xlink:href})
 * @param text the license statement (or the copyright statement when there is no license element)
 * @param code the normalised license
 */
public record License(String url, String text, LicenseCode code) {

  public Subset subset() {
    return code.subset();
  }
}
