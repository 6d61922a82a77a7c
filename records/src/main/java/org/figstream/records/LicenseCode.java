package org.figstream.records;

/** The license codes BIOMEDICA splits the data by, spelled as PMC spells them. */
public enum LicenseCode {
  CC0("CC0", Subset.COMMERCIAL),
  CC_BY("CC BY", Subset.COMMERCIAL),
  CC_BY_SA("CC BY-SA", Subset.COMMERCIAL),
  CC_BY_ND("CC BY-ND", Subset.COMMERCIAL),
  CC_BY_NC("CC BY-NC", Subset.NONCOMMERCIAL),
  CC_BY_NC_SA("CC BY-NC-SA", Subset.NONCOMMERCIAL),
  CC_BY_NC_ND("CC BY-NC-ND", Subset.NONCOMMERCIAL),
  PUBLIC_DOMAIN("public domain", Subset.OTHER),
  OTHER("other", Subset.OTHER);

  private final String label;
  private final Subset subset;

  LicenseCode(String label, Subset subset) {
    this.label = label;
    this.subset = subset;
  }

  public Subset subset() {
    return subset;
  }

  /** The code as written in PMC metadata, e.g. {@code CC BY-NC-SA}. */
  @Override
  public String toString() {
    return label;
  }
}
